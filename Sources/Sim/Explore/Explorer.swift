import Core
import Wire

/// `lssim explore`: random fault schedules drawn from the seed (invariants and, when the scenario asks,
/// liveness only — expectations assume the scripted faults), and shrinking of a failing schedule.
package struct Explorer {
    package let scenario: Scenario
    package let path: String
    /// Check the scenario's expectations too (off for exploring; the shrink tests turn it on).
    package var checksExpectations = false

    package init(scenario: Scenario, path: String) {
        self.scenario = scenario
        self.path = path
    }

    /// The fault schedule of `seed`: 0…`faultsMax` faults at uniform times within the run, kinds and
    /// engines drawn uniformly, durations 100…10 099 ms, crash signals 9/11/6, 1…15 garbage lines.
    /// Drawn from its own generator (seed XOR 0x4641554C54), sorted by time.
    package func schedule(seed: UInt64) -> [FaultSpec] {
        var generator = SeededGenerator(seed: seed ^ 0x46_4155_4C54)
        let settings = scenario.explore
        guard !settings.kinds.isEmpty else { return [] }
        let count = Int(generator.below(UInt64(settings.faultsMax + 1)))
        var faults: [FaultSpec] = []
        for _ in 0..<count {
            let atMs = generator.below(max(1, scenario.runMs))
            let kind = settings.kinds[Int(generator.below(UInt64(settings.kinds.count)))]
            let engine = scenario.engines[Int(generator.below(UInt64(scenario.engines.count)))].id
            var fault = FaultSpec(atMs: atMs, kind: kind, engine: kind == .clockJump ? nil : engine)
            fault.durationMs = 100 + generator.below(10_000)
            fault.signal = [9, 11, 6][Int(generator.below(3))]
            fault.lines = 1 + Int(generator.below(15))
            faults.append(fault)
        }
        return faults.enumerated().sorted { ($0.element.atMs, $0.offset) < ($1.element.atMs, $1.offset) }.map(\.element)
    }

    /// One run with `faults`, the way explore runs it.
    package func run(seed: UInt64, faults: [FaultSpec], trace: Bool = false) -> RunReport {
        var options = RunOptions.full
        options.trace = trace
        return ScenarioRunner.run(scenario, path: path, seed: seed, faults: faults, options: options,
                                  expectations: checksExpectations, liveness: scenario.explore.liveness)
    }

    /// Runs seeds `first..<first+count`; returns the failing reports.
    package func explore(first: UInt64, count: Int) -> [RunReport] {
        var failing: [RunReport] = []
        for seed in first..<(first + UInt64(count)) {
            let report = run(seed: seed, faults: schedule(seed: seed))
            if !report.passed { failing.append(report) }
        }
        return failing
    }

    /// The command that reproduces an explored seed.
    package func replayCommand(seed: UInt64, faultsFile: String? = nil) -> String {
        var command = "swift run lssim run \(path) --seed \(seed) --explore"
        if let faultsFile { command += " --faults \(faultsFile)" }
        return command
    }
}
