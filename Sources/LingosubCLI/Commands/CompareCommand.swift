import CommandLineSupport

/// `lingosub compare`: compare engines' transcripts and recommend one.
enum CompareCommand: Subcommand {
    static let name = "compare"
    static let summary = "compare engines' transcripts and recommend one"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lingosub compare: not implemented yet\n")
        return 4
    }
}
