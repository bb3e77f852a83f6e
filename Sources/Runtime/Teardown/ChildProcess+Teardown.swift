extension ChildProcess {
    /// Runs a stop sequence on the calling thread: each step signals the group and waits its grace;
    /// a final SIGKILL is added when the steps do not end with one. Makes no decisions: the steps
    /// come from the caller (later, from the core's actions).
    package func tearDown(_ steps: [TeardownStep], finalKillWaitMs: Int = 10_000) -> TeardownOutcome {
        var outcome = TeardownOutcome()
        var plan = steps
        if plan.last?.signal != .kill {
            plan.append(TeardownStep(signal: .kill, graceMs: finalKillWaitMs))
        }
        for step in plan {
            if let status = exitStatus {
                outcome.status = status
                return outcome
            }
            if signalGroup(step.signal) { outcome.signalsSent.append(step.signal) }
            if let status = waitForExit(timeoutMs: step.graceMs) {
                outcome.status = status
                return outcome
            }
        }
        return outcome
    }
}
