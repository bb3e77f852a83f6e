import CommandLineSupport

/// `lingosub wer`: word and character error rates between reference and hypothesis.
enum WerCommand: Subcommand {
    static let name = "wer"
    static let summary = "word and character error rates between reference and hypothesis"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lingosub wer: not implemented yet\n")
        return 4
    }
}
