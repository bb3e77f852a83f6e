/// Replies, health probes and protocol errors.
extension EngineSupervisor {
    /// Routes a reply to this supervisor's own requests; nil when `id` is not one of them.
    package mutating func reply(
        to id: RequestID, _ reply: EngineReply, now: UInt64, requestIDs: inout RequestIDAllocator
    ) -> [SupervisorOutput]? {
        switch phase {
        case .starting(let starting) where starting.request == id:
            return startupReply(starting, reply: reply, now: now, requestIDs: &requestIDs)
        case .running(var running) where running.health.probe == id:
            let status = Self.healthOutcome(reply)
            let probed = endProbe(&running, ProbeOutcome(status))
            return [.cancelTimer(.probeTimeout)] + probed + probeOutcome(status, now: now)
        case .stopping(let stopping) where stopping.stopRequest == id:
            return []  // `stop` answered: keep waiting for the exit
        default:
            return nil
        }
    }

    /// The probe timer fired: send a probe (Running or during startup).
    mutating func probeTimerFired(now: UInt64, requestIDs: inout RequestIDAllocator) -> [SupervisorOutput] {
        switch phase {
        case .starting(let starting) where starting.request == nil && starting.initialized:
            return sendStartupProbe(starting, initialized: true, requestIDs: &requestIDs)
        case .running(var running):
            var outputs: [SupervisorOutput] = []
            if running.health.probe != nil {  // timeout ≥ interval: the old probe counts as failed
                outputs += endProbe(&running, .timeout)
                outputs += probeOutcome(.error, now: now)
                guard case .running(let still) = phase else { return outputs }
                running = still
            }
            let request = requestIDs.allocate()
            running.health.probe = request
            phase = .running(running)
            let health = configuration.health
            return outputs + [
                .send(.healthCheck(id: request)),
                .armTimer(.probeTimeout, atMs: now.saturatingAdd(health.probeTimeoutMs)),
                .armTimer(.probe, atMs: now.saturatingAdd(health.probeIntervalMs)),
            ]
        default:
            return []
        }
    }

    mutating func probeTimeoutFired(now: UInt64) -> [SupervisorOutput] {
        guard case .running(var running) = phase, running.health.probe != nil else { return [] }
        return endProbe(&running, .timeout) + probeOutcome(.error, now: now)
    }

    /// Counts one probe outcome while Running (see `HealthPolicy`).
    mutating func probeOutcome(_ status: HealthStatus, now: UInt64) -> [SupervisorOutput] {
        guard case .running(var running) = phase else { return [] }
        let policy = configuration.health
        var failed = status == .error
        if status == .loading {
            let since = running.health.loadingSinceMs ?? now
            running.health.loadingSinceMs = since
            failed = now - since >= policy.loadingDeadlineMs
            if !failed {
                phase = .running(running)
                return []
            }
        } else {
            running.health.loadingSinceMs = nil
        }
        guard failed else { return healthSuccess(&running) }
        running.health.consecutiveSuccesses = 0
        running.health.consecutiveFailures += 1
        running.health.healthy = false
        phase = .running(running)
        let failures = running.health.consecutiveFailures
        let outputs: [SupervisorOutput] = [.event(.unhealthy(consecutiveFailures: failures))]
        guard failures >= policy.failuresMax else { return outputs }
        return outputs + teardown(pid: running.pid, reason: .forced(.healthFailure), now: now)
    }

    private mutating func healthSuccess(_ running: inout Running) -> [SupervisorOutput] {
        running.health.consecutiveFailures = 0
        defer { phase = .running(running) }
        guard !running.health.healthy else { return [] }
        running.health.consecutiveSuccesses += 1
        guard running.health.consecutiveSuccesses >= configuration.health.successesMin else { return [] }
        running.health.healthy = true
        running.health.consecutiveSuccesses = 0
        return [.event(.healthy)]
    }

    /// A readable message arrived: the protocol-error streak ends.
    package mutating func messageReceived() { consecutiveProtocolErrors = 0 }

    /// A `heartbeat` notification: the heartbeat deadline moves.
    package func heartbeat(now: UInt64) -> [SupervisorOutput] { armHeartbeat(now: now) }

    /// An unreadable stdout line. Too many in a row tear the process down.
    package mutating func protocolError(now: UInt64) -> [SupervisorOutput] {
        consecutiveProtocolErrors += 1
        guard consecutiveProtocolErrors >= configuration.health.protocolErrorsMax else { return [] }
        switch phase {
        case .starting(let starting):
            guard let pid = starting.pid else { return [] }
            return teardown(pid: pid, reason: .forced(.protocolErrors), now: now)
        case .running(let running):
            return teardown(pid: running.pid, reason: .forced(.protocolErrors), now: now)
        case .stopped, .failed, .backingOff, .stopping:
            return []
        }
    }
}
