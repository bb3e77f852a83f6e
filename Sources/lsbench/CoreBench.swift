import CommandLineSupport

/// `lsbench core`: core events/s and virtual-time compression.
enum CoreBench: Subcommand {
    static let name = "core"
    static let summary = "core events/s and virtual-time compression"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lsbench core: not implemented yet\n")
        return 4
    }
}
