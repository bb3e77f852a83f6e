import CommandLineSupport

/// `lingosub transcribe`: transcribe audio files with supervised engines.
enum TranscribeCommand: Subcommand {
    static let name = "transcribe"
    static let summary = "transcribe audio files with supervised engines"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lingosub transcribe: not implemented yet\n")
        return 4
    }
}
