import CommandLineSupport

#if canImport(Glibc)
import Glibc
#endif

/// `lsbench NAME [options]`: performance figures printed beside an in-process baseline.
/// Run through `ci/bench` (release build). Never used by tests for timing assertions.
enum Benchmarks {
    static var all: [any Subcommand.Type] { [WireBench.self, CoreBench.self, AggregationBench.self, RuntimeSoakBench.self, RuntimeLatencyBench.self] }
}

let output = StandardOutput()
let status = dispatch(
    tool: "lsbench", arguments: Array(CommandLine.arguments.dropFirst()), subcommands: Benchmarks.all, output: output)
exit(output.exitCode(status, tool: "lsbench"))
