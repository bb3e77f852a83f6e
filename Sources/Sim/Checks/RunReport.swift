import Core

/// The outcome of one scenario run.
package struct RunReport: Sendable {
    package var scenarioName: String
    package var scenarioPath: String
    package var seed: UInt64
    package var faults: [FaultSpec]
    package var violations: [SimViolation]
    package var expectationFailures: [String]
    package var trace: [UInt8]
    package var traceHash: UInt64
    package var virtualMs: UInt64
    package var inputsHandled: UInt64
    package var eventsScheduled: UInt64
    /// Set by callers that ran it another way (explore, a faults file).
    package var replayCommandOverride: String?

    package var passed: Bool { violations.isEmpty && expectationFailures.isEmpty }

    /// The command that replays this run.
    package var replayCommand: String {
        replayCommandOverride ?? "swift run lssim run \(scenarioPath) --seed \(seed)"
    }

    /// Human summary: PASS/FAIL line, then every problem, then the replay command on failure.
    package var summary: String {
        var lines = ["\(passed ? "PASS" : "FAIL") \(scenarioName) seed \(seed): \(inputsHandled) inputs, "
            + "\(virtualMs) ms virtual, trace \(TraceWriter.hex(traceHash))"]
        for violation in violations { lines.append("  invariant \(violation)") }
        for failure in expectationFailures { lines.append("  expectation \(failure)") }
        if !passed { lines.append("  replay: \(replayCommand)") }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Runs scenarios: one world per run.
package enum ScenarioRunner {
    /// Runs `scenario` with `seed` (default: the scenario's) and `faults` (default: the scenario's).
    /// `expectations` false checks invariants only (explore).
    package static func run(
        _ scenario: Scenario, path: String, seed: UInt64? = nil, faults: [FaultSpec]? = nil,
        options: RunOptions = .full, expectations: Bool = true, liveness: Bool = false
    ) -> RunReport {
        let seed = seed ?? scenario.seed
        let world = SimWorld(scenario: scenario, seed: seed, faults: faults, options: options, scenarioPath: path,
                             expectations: expectations, liveness: liveness)
        world.runScenario(liveness: liveness)
        let failures = expectations && options.recordEvents ? ExpectationChecker(world: world).failures() : []
        var trace = world.trace
        var violations = world.violations
        for failure in failures { violations.append(SimViolation("expectation", failure, atMs: world.nowMs)) }
        trace?.finish(atMs: world.nowMs, inputs: world.inputsHandled, violations: violations, unseed: world.unseed())
        return RunReport(
            scenarioName: scenario.name, scenarioPath: path, seed: seed, faults: world.faults,
            violations: world.violations, expectationFailures: failures, trace: trace?.bytes ?? [],
            traceHash: trace?.hash ?? 0, virtualMs: world.nowMs, inputsHandled: world.inputsHandled,
            eventsScheduled: world.scheduledEventCount, replayCommandOverride: nil)
    }
}
