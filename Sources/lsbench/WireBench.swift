import CommandLineSupport

/// `lsbench wire`: NDJSON framing + JSON parsing MB/s vs Foundation JSONSerialization.
enum WireBench: Subcommand {
    static let name = "wire"
    static let summary = "NDJSON framing + JSON parsing MB/s vs Foundation JSONSerialization"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lsbench wire: not implemented yet\n")
        return 4
    }
}
