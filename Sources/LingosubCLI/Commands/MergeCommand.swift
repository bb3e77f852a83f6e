import CommandLineSupport

/// `lingosub merge`: combine several engines' transcripts (ROVER and others).
enum MergeCommand: Subcommand {
    static let name = "merge"
    static let summary = "combine several engines' transcripts (ROVER and others)"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lingosub merge: not implemented yet\n")
        return 4
    }
}
