import CommandLineSupport

/// `lingosub engines`: check that an engine starts, answers and stops.
enum EnginesCommand: Subcommand {
    static let name = "engines"
    static let summary = "check that an engine starts, answers and stops"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lingosub engines: not implemented yet\n")
        return 4
    }
}
