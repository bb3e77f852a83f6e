import CommandLineSupport
import Wire

/// `lssim explore FILE --seeds N [--first S] [--out DIR]`: random fault schedules, invariants (and
/// liveness when the scenario asks) only; prints failing seeds with their replay command and shrinks
/// the first failure's schedule to a minimal one written to DIR.
package enum ExploreCommand: Subcommand {
    package static let name = "explore"
    package static let summary = "random fault schedules; print failing seeds and a shrunk schedule"
    static let usage = "usage: lssim explore FILE --seeds N [--first S] [--out DIR]\n"

    package static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        let seeds: Int
        let first: Int
        do {
            parsed = try ArgumentSpec(options: ["seeds", "first", "out"], positionalsMax: 1).parse(arguments)
            seeds = try parsed.int("seeds", default: 100, range: 1...10_000_000)
            first = try parsed.int("first", default: 1, range: 0...Int.max / 2)
        } catch {
            output.err("lssim explore: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") {
            output.out(usage)
            return 0
        }
        guard let path = parsed.positionals.first else {
            output.err("lssim explore: a scenario FILE is needed\n" + usage)
            return 2
        }
        do {
            let explorer = Explorer(scenario: try ScenarioFiles.scenario(path), path: path)
            let failing = explorer.explore(first: UInt64(first), count: seeds)
            output.out("explored \(seeds) seeds (\(first)...\(first + seeds - 1)): \(failing.count) failing\n")
            for report in failing {
                let ids = Set(report.violations.map(\.id)).sorted().joined(separator: ", ")
                output.out("FAIL seed \(report.seed) (\(report.faults.count) faults): \(ids)\n")
                for violation in report.violations.prefix(3) { output.out("  \(violation)\n") }
                output.out("  replay: \(explorer.replayCommand(seed: report.seed))\n")
            }
            guard let first = failing.first else { return 0 }
            try shrink(first, explorer: explorer, directory: parsed.value("out") ?? "/tmp", output: output)
            return 1
        } catch {
            output.err("lssim explore: \(error)\n")
            return 2
        }
    }

    static func shrink(_ report: RunReport, explorer: Explorer, directory: String, output: any CommandOutput) throws {
        let target = Set(report.violations.map(\.id))
        var shrinker = Shrinker()
        let minimal = shrinker.shrink(report.faults) { faults in
            let rerun = explorer.run(seed: report.seed, faults: faults)
            return !Set(rerun.violations.map(\.id)).isDisjoint(with: target)
        }
        let file = "\(directory)/\(explorer.scenario.name).seed-\(report.seed).faults.json"
        var bytes: [UInt8] = []
        JSONValue.array(minimal.map(\.json)).serialize(into: &bytes)
        try ScenarioFiles.write(bytes + [0x0A], to: file)
        output.out("shrunk seed \(report.seed): \(report.faults.count) -> \(minimal.count) faults "
            + "in \(shrinker.runs) runs: \(minimal.map { $0.json.serializedString }.joined(separator: " "))\n")
        output.out("  minimal replay: \(explorer.replayCommand(seed: report.seed, faultsFile: file))\n")
    }
}
