import CommandLineSupport

/// `lssim run FILE [--seed N] [--trace OUT] [--quiet]`: runs a scenario, checks its expectations and
/// invariants; exit 1 with the replay command on any failure.
package enum RunCommand: Subcommand {
    package static let name = "run"
    package static let summary = "run a scenario and check its expectations (exit 1 on failure)"
    static let usage = "usage: lssim run FILE [--seed N] [--trace OUT]\n"

    package static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentSpec(options: ["seed", "trace"], positionalsMax: 1).parse(arguments)
        } catch {
            output.err("lssim run: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") {
            output.out(usage)
            return 0
        }
        guard let path = parsed.positionals.first else {
            output.err(usage)
            return 2
        }
        var seed: UInt64?
        if let text = parsed.value("seed") {
            guard let value = UInt64(text) else {
                output.err("lssim run: --seed expects an unsigned integer\n" + usage)
                return 2
            }
            seed = value
        }
        do {
            let scenario = try ScenarioFiles.scenario(path)
            let report = ScenarioRunner.run(scenario, path: path, seed: seed)
            if let tracePath = parsed.value("trace") { try ScenarioFiles.write(report.trace, to: tracePath) }
            output.out(report.summary)
            return report.passed ? 0 : 1
        } catch {
            output.err("lssim run: \(error)\n")
            return 2
        }
    }
}
