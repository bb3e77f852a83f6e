/// Invariants across the whole coordinator, for the simulator to run after every step.
extension Coordinator {
    /// Every broken invariant, in a deterministic order; empty when all hold. The cheap checks
    /// (engines, timers, in-flight requests, limits) cost O(engines + requests in flight); `thorough`
    /// (the default) adds the O(tasks + events) scans: nothing lost, event logs well-formed.
    package func checkInvariants(thorough: Bool = true) -> [InvariantViolation] {
        var found = scheduler.violations(thorough: thorough)
        if thorough {
            for violation in sink.events.violations() { found.append(InvariantViolation("event_log", violation)) }
        }
        var inFlightByEngine: [EngineID: Int] = [:]
        for request in scheduler.running.keys {
            if let engine = scheduler.runningEngine(request) { inFlightByEngine[engine, default: 0] += 1 }
        }
        for id in engineIDs {
            found += engineViolations(supervisors[id]!, running: inFlightByEngine[id] ?? 0)
        }
        return found
    }

    private func engineViolations(_ supervisor: EngineSupervisor, running: Int) -> [InvariantViolation] {
        var found: [InvariantViolation] = []
        let id = supervisor.id
        if let restartsMax = supervisor.configuration.restart.restartsMax, supervisor.restartCount > restartsMax {
            found.append(InvariantViolation("restart_count_over_policy", "\(id) \(supervisor.restartCount)"))
        }
        let state = supervisor.state
        if running > 0 {
            guard case .running = state else {
                found.append(InvariantViolation("work_on_dead_engine", "\(id) is \(state.phase) with \(running)"))
                return found
            }
            if running > supervisor.requestsInFlightMax {
                found.append(InvariantViolation("in_flight_over_limit", "\(id) \(running)"))
            }
        }
        let required: EngineTimer?
        switch state {
        case .backingOff: required = .restart
        case .starting: required = .stage
        case .running: required = .probe
        case .stopping:
            if case .stopping(let stopping) = supervisor.phase, stopping.step < supervisor.configuration.stop.steps.count {
                required = .stopStep
            } else {
                required = nil
            }
        case .stopped, .failed: required = nil
        }
        if let required, sink.timers[.engine(id, required)] == nil {
            found.append(InvariantViolation("timer_missing", "\(id) is \(state.phase) without \(required.rawValue)"))
        }
        return found
    }
}
