import Core

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
