/// The client's "probe this engine now" (`ClientCommand.probeEngine`).
extension EngineSupervisor {
    /// Running with no probe outstanding: sends a `health_check` now, arms its timeout and restarts
    /// the periodic probe interval from now, and returns false. With a probe outstanding: sends
    /// nothing and returns true. Either way the outstanding probe's outcome is then reported
    /// (`signal.engine.probed`). Not Running: `engine_state_conflict`.
    package mutating func probeNow(
        now: UInt64, requestIDs: inout RequestIDAllocator, into outputs: inout [SupervisorOutput]
    ) throws(CoreError) -> Bool {
        guard case .running(var running) = phase else {
            throw CoreError(.engineStateConflict, "\(id) is \(state.phase), not running")
        }
        running.health.probeReported = true
        guard running.health.probe == nil else {
            phase = .running(running)
            return true
        }
        sendProbe(&running, now: now, requestIDs: &requestIDs, into: &outputs)
        return false
    }

    /// Sends a `health_check` (Running), arms its timeout and the next periodic probe from `now`.
    mutating func sendProbe(
        _ running: inout Running, now: UInt64, requestIDs: inout RequestIDAllocator,
        into outputs: inout [SupervisorOutput]
    ) {
        let request = requestIDs.allocate()
        running.health.probe = request
        phase = .running(running)
        let health = configuration.health
        outputs.append(.send(.healthCheck(id: request)))
        outputs.append(.armTimer(.probeTimeout, atMs: now.saturatingAdd(health.probeTimeoutMs)))
        outputs.append(.armTimer(.probe, atMs: now.saturatingAdd(health.probeIntervalMs)))
    }

    /// Ends the outstanding probe (Running): its `signal.engine.probed` event when a client asked.
    mutating func endProbe(_ running: inout Running, _ outcome: ProbeOutcome, into outputs: inout [SupervisorOutput]) {
        let reported = running.health.probeReported
        running.health.probe = nil
        running.health.probeReported = false
        phase = .running(running)
        if reported { outputs.append(.event(.probed(outcome))) }
    }
}
