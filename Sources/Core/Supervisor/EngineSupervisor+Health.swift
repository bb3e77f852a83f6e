/// Replies, health probes and protocol errors.
extension EngineSupervisor {
    /// Routes a reply to this supervisor's own requests; false (nothing appended) when `id` is not one
    /// of them.
    package mutating func reply(
        to id: RequestID, _ reply: EngineReply, now: UInt64, requestIDs: inout RequestIDAllocator,
        into outputs: inout [SupervisorOutput]
    ) -> Bool {
        switch phase {
        case .starting(let starting) where starting.request == id:
            startupReply(starting, reply: reply, now: now, requestIDs: &requestIDs, into: &outputs)
        case .running(var running) where running.health.probe == id:
            let status = Self.healthOutcome(reply)
            outputs.append(.cancelTimer(.probeTimeout))
            endProbe(&running, ProbeOutcome(status), into: &outputs)
            probeOutcome(status, now: now, into: &outputs)
        case .stopping(let stopping) where stopping.stopRequest == id:
            break  // `stop` answered: keep waiting for the exit
        default:
            return false
        }
        return true
    }

    /// The probe timer fired: send a probe (Running or during startup).
    mutating func probeTimerFired(
        now: UInt64, requestIDs: inout RequestIDAllocator, into outputs: inout [SupervisorOutput]
    ) {
        switch phase {
        case .starting(let starting) where starting.request == nil && starting.initialized:
            sendStartupProbe(starting, initialized: true, requestIDs: &requestIDs, into: &outputs)
        case .running(var running):
            if running.health.probe != nil {  // timeout ≥ interval: the old probe counts as failed
                endProbe(&running, .timeout, into: &outputs)
                probeOutcome(.error, now: now, into: &outputs)
                guard case .running(let still) = phase else { return }
                running = still
            }
            sendProbe(&running, now: now, requestIDs: &requestIDs, into: &outputs)
        default:
            return
        }
    }

    mutating func probeTimeoutFired(now: UInt64, into outputs: inout [SupervisorOutput]) {
        guard case .running(var running) = phase, running.health.probe != nil else { return }
        endProbe(&running, .timeout, into: &outputs)
        probeOutcome(.error, now: now, into: &outputs)
    }

    /// Counts one probe outcome while Running (see `HealthPolicy`).
    mutating func probeOutcome(_ status: HealthStatus, now: UInt64, into outputs: inout [SupervisorOutput]) {
        guard case .running(var running) = phase else { return }
        let policy = configuration.health
        var failed = status == .error
        if status == .loading {
            let since = running.health.loadingSinceMs ?? now
            running.health.loadingSinceMs = since
            failed = now - since >= policy.loadingDeadlineMs
            if !failed {
                phase = .running(running)
                return
            }
        } else {
            running.health.loadingSinceMs = nil
        }
        guard failed else { return healthSuccess(&running, into: &outputs) }
        running.health.consecutiveSuccesses = 0
        running.health.consecutiveFailures += 1
        running.health.healthy = false
        phase = .running(running)
        let failures = running.health.consecutiveFailures
        outputs.append(.event(.unhealthy(consecutiveFailures: failures)))
        guard failures >= policy.failuresMax else { return }
        teardown(pid: running.pid, reason: .forced(.healthFailure), now: now, into: &outputs)
    }

    private mutating func healthSuccess(_ running: inout Running, into outputs: inout [SupervisorOutput]) {
        running.health.consecutiveFailures = 0
        defer { phase = .running(running) }
        guard !running.health.healthy else { return }
        running.health.consecutiveSuccesses += 1
        guard running.health.consecutiveSuccesses >= configuration.health.successesMin else { return }
        running.health.healthy = true
        running.health.consecutiveSuccesses = 0
        outputs.append(.event(.healthy))
    }

    /// A readable message arrived: the protocol-error streak ends.
    package mutating func messageReceived() { consecutiveProtocolErrors = 0 }

    /// A `heartbeat` notification: the heartbeat deadline moves.
    package func heartbeat(now: UInt64, into outputs: inout [SupervisorOutput]) { armHeartbeat(now: now, into: &outputs) }

    /// An unreadable stdout line. Too many in a row tear the process down.
    package mutating func protocolError(now: UInt64, into outputs: inout [SupervisorOutput]) {
        consecutiveProtocolErrors += 1
        guard consecutiveProtocolErrors >= configuration.health.protocolErrorsMax else { return }
        switch phase {
        case .starting(let starting):
            guard let pid = starting.pid else { return }
            teardown(pid: pid, reason: .forced(.protocolErrors), now: now, into: &outputs)
        case .running(let running):
            teardown(pid: running.pid, reason: .forced(.protocolErrors), now: now, into: &outputs)
        case .stopped, .failed, .backingOff, .stopping:
            return
        }
    }
}
