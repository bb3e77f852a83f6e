import Wire

/// Teardown, process exit, restart decisions and timer routing.
extension EngineSupervisor {
    /// Starts the `StopSequence`. A requested stop or manual restart first sends `stop`; a forced one
    /// goes straight to the first signal.
    mutating func teardown(pid: ProcessID, reason: StopReason, now: UInt64) -> [SupervisorOutput] {
        var readyAtMs: UInt64?
        if case .running(let running) = phase { readyAtMs = running.readyAtMs }
        var outputs: [SupervisorOutput] = [
            .cancelTimer(.stage), .cancelTimer(.probe), .cancelTimer(.probeTimeout), .cancelTimer(.heartbeat),
        ]
        if readyAtMs != nil, case .forced(let cause) = reason {
            outputs.append(.workLost(countsAttempt: true, reason: "engine \(id) torn down: \(cause)"))
        } else if readyAtMs != nil {
            outputs.append(.workLost(countsAttempt: false, reason: "engine \(id) stopping"))
        }
        outputs.append(.event(.stopping(reason)))
        record(.stopping, now: now)
        if case .forced = reason {
            phase = .stopping(Stopping(pid: pid, reason: reason, step: -1, readyAtMs: readyAtMs))
            return outputs + advanceTeardown(now: now)
        }
        phase = .stopping(Stopping(pid: pid, reason: reason, step: -1, readyAtMs: readyAtMs))
        return outputs + [.armTimer(.stopStep, atMs: now.saturatingAdd(configuration.stop.stopRequestGraceMs))]
    }

    /// Sends `stop` for a requested teardown.
    mutating func attachStopRequest(requestIDs: inout RequestIDAllocator) -> [SupervisorOutput] {
        guard case .stopping(var stopping) = phase, stopping.step == -1, stopping.stopRequest == nil,
            stopping.reason == .requested || stopping.reason == .manualRestart
        else { return [] }
        let request = requestIDs.allocate()
        stopping.stopRequest = request
        phase = .stopping(stopping)
        return [.send(.stop(id: request))]
    }

    /// Next teardown step: its signal and grace, or the final SIGKILL to the process group.
    mutating func advanceTeardown(now: UInt64) -> [SupervisorOutput] {
        guard case .stopping(var stopping) = phase, let pid = stopping.pid else { return [] }
        let steps = configuration.stop.steps
        stopping.step += 1
        phase = .stopping(stopping)
        if stopping.step < steps.count {
            let step = steps[stopping.step]
            return [.signal(pid, step.signal), .armTimer(.stopStep, atMs: now.saturatingAdd(step.graceMs))]
        }
        stopping.step = steps.count
        phase = .stopping(stopping)
        return [.signal(pid, .kill)]
    }

    /// The process ended. Exits of other pids (already handled, or never ours) are ignored.
    package mutating func processExited(
        pid: ProcessID, status: TerminationStatus, now: UInt64, generator: inout SeededGenerator
    ) -> [SupervisorOutput] {
        guard self.pid == pid else { return [] }
        lastExitStatus = status
        let cancels: [SupervisorOutput] = [
            .cancelTimer(.stage), .cancelTimer(.probe), .cancelTimer(.probeTimeout), .cancelTimer(.stopStep),
            .cancelTimer(.heartbeat),
        ]
        switch phase {
        case .stopping(let stopping):
            switch stopping.reason {
            case .requested: return cancels + enterStopped(now: now)
            case .manualRestart:
                restartCount = 0
                return cancels + beginStart(now: now)
            case .forced(let cause):
                return cancels + afterExit(
                    cause: cause, status: status, readyAtMs: stopping.readyAtMs, now: now, generator: &generator)
            }
        case .running(let running):
            let cause = ExitCause(unrequested: status)
            let lost = SupervisorOutput.workLost(countsAttempt: true, reason: "engine \(id) exited: \(status)")
            return cancels + [lost]
                + afterExit(cause: cause, status: status, readyAtMs: running.readyAtMs, now: now, generator: &generator)
        case .starting:
            let cause = ExitCause(unrequested: status)
            return cancels + afterExit(cause: cause, status: status, readyAtMs: nil, now: now, generator: &generator)
        case .stopped, .failed, .backingOff:
            return []
        }
    }

    /// The restart policy's decision after the process is gone (or never came up: `status` nil).
    mutating func afterExit(
        cause: ExitCause, status: TerminationStatus?, readyAtMs: UInt64?, now: UInt64,
        generator: inout SeededGenerator
    ) -> [SupervisorOutput] {
        let policy = configuration.restart
        var outputs: [SupervisorOutput] = [.event(.crashed(cause, status))]
        if cause == .cleanExit && !policy.restartsOnCleanExit { return outputs + enterStopped(now: now) }
        if case .handshakeFailure = cause, !policy.restartsOnHandshakeFailure {
            return outputs + enterFailed(cause: cause, now: now)
        }
        if let readyAtMs, let stable = policy.stableResetMs, now - readyAtMs >= stable, restartCount > 0 {
            restartCount = 0
            outputs.append(.event(.restartCountReset))
        }
        if let restartsMax = policy.restartsMax, restartCount >= restartsMax {
            return outputs + enterFailed(cause: cause, now: now)
        }
        let delay = policy.delayMs(restartIndex: restartCount, generator: &generator)
        let restartAt = now.saturatingAdd(delay)
        if let burst = policy.startLimitBurst {
            let inWindow = recentStartsMs.filter { $0.saturatingAdd(policy.startLimitIntervalMs) > restartAt }.count
            if inWindow >= Int(burst) { return outputs + enterFailed(cause: cause, now: now) }
        }
        restartCount += 1
        phase = .backingOff(restartAtMs: restartAt)
        record(.backingOff, now: now)
        return outputs + [
            .event(.restarting(delayMs: delay, restartCount: restartCount)), .armTimer(.restart, atMs: restartAt),
        ]
    }

    /// Routes one of this engine's timers.
    package mutating func timerFired(
        _ timer: EngineTimer, now: UInt64, requestIDs: inout RequestIDAllocator, generator: inout SeededGenerator
    ) -> [SupervisorOutput] {
        switch timer {
        case .restart:
            guard case .backingOff = phase else { return [] }
            return beginStart(now: now)
        case .stage:
            guard case .starting(let starting) = phase else { return [] }
            let cause = ExitCause.startupTimeout(starting.stage)
            if let pid = starting.pid { return teardown(pid: pid, reason: .forced(cause), now: now) }
            return afterExit(cause: cause, status: nil, readyAtMs: nil, now: now, generator: &generator)
        case .probe:
            return probeTimerFired(now: now, requestIDs: &requestIDs)
        case .probeTimeout:
            return probeTimeoutFired(now: now)
        case .stopStep:
            return advanceTeardown(now: now)
        case .heartbeat:
            guard case .running(let running) = phase else { return [] }
            return teardown(pid: running.pid, reason: .forced(.heartbeatLost), now: now)
        }
    }
}
