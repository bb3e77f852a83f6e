import CommandLineSupport
import Wire

/// `lssim run FILE [--seed N] [--trace OUT] [--explore] [--faults FILE]`: runs a scenario and checks its
/// expectations and invariants; exit 1 with the replay command on any failure. `--explore` reproduces
/// an explore run (the seed's random fault schedule, invariants only); `--faults` replaces the
/// scenario's faults with a JSON array (e.g. a shrunk schedule).
package enum RunCommand: Subcommand {
    package static let name = "run"
    package static let summary = "run a scenario and check its expectations (exit 1 on failure)"
    static let usage = "usage: lssim run FILE [--seed N] [--trace OUT] [--explore] [--faults FILE]\n"

    package static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentSpec(flags: ["explore"], options: ["seed", "trace", "faults"], positionalsMax: 1)
                .parse(arguments)
        } catch {
            output.err("lssim run: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") {
            output.out(usage)
            return 0
        }
        guard let path = parsed.positionals.first else {
            output.err("lssim run: a scenario FILE is needed\n" + usage)
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
            var faults: [FaultSpec]?
            if let file = parsed.value("faults") { faults = try readFaults(file) }
            var report: RunReport
            if parsed.has("explore") {
                let explorer = Explorer(scenario: scenario, path: path)
                let runSeed = seed ?? scenario.seed
                report = explorer.run(seed: runSeed, faults: faults ?? explorer.schedule(seed: runSeed), trace: true)
                report.replayCommandOverride = explorer.replayCommand(seed: runSeed, faultsFile: parsed.value("faults"))
            } else {
                report = ScenarioRunner.run(scenario, path: path, seed: seed, faults: faults)
                if let file = parsed.value("faults") { report.replayCommandOverride = report.replayCommand + " --faults \(file)" }
            }
            if let tracePath = parsed.value("trace") { try ScenarioFiles.write(report.trace, to: tracePath) }
            output.out(report.summary)
            return report.passed ? 0 : 1
        } catch {
            output.err("lssim run: \(error)\n")
            return 2
        }
    }

    static func readFaults(_ file: String) throws -> [FaultSpec] {
        let json = try JSONParser.parse(try ScenarioFiles.read(file))
        guard case .array(let elements) = json else { throw ScenarioError(.wrongType, path: file, "expected an array of faults") }
        var faults: [FaultSpec] = []
        for (index, element) in elements.enumerated() { faults.append(try FaultSpec(element, path: "[\(index)]")) }
        return faults
    }
}
