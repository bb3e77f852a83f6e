import CommandLineSupport

/// `lingosub subtitles`: turn a word-timed transcript into SRT or WebVTT cues.
enum SubtitlesCommand: Subcommand {
    static let name = "subtitles"
    static let summary = "turn a word-timed transcript into SRT or WebVTT cues"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lingosub subtitles: not implemented yet\n")
        return 4
    }
}
