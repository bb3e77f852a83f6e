import CommandLineSupport

/// `lsbench aggregation`: WER/CER speed on generated corpora.
enum AggregationBench: Subcommand {
    static let name = "aggregation"
    static let summary = "WER/CER speed on generated corpora"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lsbench aggregation: not implemented yet\n")
        return 4
    }
}
