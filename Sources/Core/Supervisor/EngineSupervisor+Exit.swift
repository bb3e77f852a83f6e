import Wire

/// Teardown, process exit, restart decisions and timer routing.
extension EngineSupervisor {
    /// Starts the `StopSequence`. A requested stop or manual restart first sends `stop`; a forced one
    /// goes straight to the first signal.
    mutating func teardown(pid: ProcessID, reason: StopReason, now: UInt64, into outputs: inout [SupervisorOutput]) {
        var readyAtMs: UInt64?
        if case .running(let running) = phase { readyAtMs = running.readyAtMs }
        outputs.append(.cancelTimer(.stage))
        outputs.append(.cancelTimer(.probe))
        outputs.append(.cancelTimer(.probeTimeout))
        outputs.append(.cancelTimer(.heartbeat))
        if readyAtMs != nil, case .forced(let cause) = reason {
            outputs.append(.workLost(countsAttempt: true, reason: "engine \(id) torn down: \(cause)"))
        } else if readyAtMs != nil {
            outputs.append(.workLost(countsAttempt: false, reason: "engine \(id) stopping"))
        }
        outputs.append(.event(.stopping(reason)))
        record(.stopping, now: now)
        phase = .stopping(Stopping(pid: pid, reason: reason, step: -1, readyAtMs: readyAtMs))
        if case .forced = reason { return advanceTeardown(now: now, into: &outputs) }
        outputs.append(.armTimer(.stopStep, atMs: now.saturatingAdd(configuration.stop.stopRequestGraceMs)))
    }

    /// Sends `stop` for a requested teardown.
    mutating func attachStopRequest(requestIDs: inout RequestIDAllocator, into outputs: inout [SupervisorOutput]) {
        guard case .stopping(var stopping) = phase, stopping.step == -1, stopping.stopRequest == nil,
            stopping.reason == .requested || stopping.reason == .manualRestart
        else { return }
        let request = requestIDs.allocate()
        stopping.stopRequest = request
        phase = .stopping(stopping)
        outputs.append(.send(.stop(id: request)))
    }

    /// Next teardown step: its signal and grace, or the final SIGKILL to the process group.
    mutating func advanceTeardown(now: UInt64, into outputs: inout [SupervisorOutput]) {
        guard case .stopping(var stopping) = phase, let pid = stopping.pid else { return }
        let steps = configuration.stop.steps
        stopping.step += 1
        phase = .stopping(stopping)
        if stopping.step < steps.count {
            let step = steps[stopping.step]
            outputs.append(.signal(pid, step.signal))
            outputs.append(.armTimer(.stopStep, atMs: now.saturatingAdd(step.graceMs)))
            return
        }
        stopping.step = steps.count
        phase = .stopping(stopping)
        outputs.append(.signal(pid, .kill))
    }

    /// The process ended. Exits of other pids (already handled, or never ours) are ignored.
    package mutating func processExited(
        pid: ProcessID, status: TerminationStatus, now: UInt64, generator: inout SeededGenerator,
        into outputs: inout [SupervisorOutput]
    ) {
        guard self.pid == pid else { return }
        lastExitStatus = status
        switch phase {
        case .stopping(let stopping):
            Self.cancelTimersAtExit(into: &outputs)
            switch stopping.reason {
            case .requested: enterStopped(now: now, into: &outputs)
            case .manualRestart:
                restartCount = 0
                beginStart(now: now, into: &outputs)
            case .forced(let cause):
                afterExit(
                    cause: cause, status: status, readyAtMs: stopping.readyAtMs, now: now, generator: &generator,
                    into: &outputs)
            }
        case .running(let running):
            let cause = ExitCause(unrequested: status)
            Self.cancelTimersAtExit(into: &outputs)
            outputs.append(.workLost(countsAttempt: true, reason: "engine \(id) exited: \(status)"))
            afterExit(
                cause: cause, status: status, readyAtMs: running.readyAtMs, now: now, generator: &generator,
                into: &outputs)
        case .starting:
            let cause = ExitCause(unrequested: status)
            Self.cancelTimersAtExit(into: &outputs)
            afterExit(cause: cause, status: status, readyAtMs: nil, now: now, generator: &generator, into: &outputs)
        case .stopped, .failed, .backingOff:
            return
        }
    }

    /// Every timer a live process may have armed.
    private static func cancelTimersAtExit(into outputs: inout [SupervisorOutput]) {
        outputs.append(.cancelTimer(.stage))
        outputs.append(.cancelTimer(.probe))
        outputs.append(.cancelTimer(.probeTimeout))
        outputs.append(.cancelTimer(.stopStep))
        outputs.append(.cancelTimer(.heartbeat))
    }

    /// The restart policy's decision after the process is gone (or never came up: `status` nil).
    mutating func afterExit(
        cause: ExitCause, status: TerminationStatus?, readyAtMs: UInt64?, now: UInt64,
        generator: inout SeededGenerator, into outputs: inout [SupervisorOutput]
    ) {
        let policy = configuration.restart
        outputs.append(.event(.crashed(cause, status)))
        if cause == .cleanExit && !policy.restartsOnCleanExit { return enterStopped(now: now, into: &outputs) }
        if case .handshakeFailure = cause, !policy.restartsOnHandshakeFailure {
            return enterFailed(cause: cause, now: now, into: &outputs)
        }
        if let readyAtMs, let stable = policy.stableResetMs, now - readyAtMs >= stable, restartCount > 0 {
            restartCount = 0
            outputs.append(.event(.restartCountReset))
        }
        if let restartsMax = policy.restartsMax, restartCount >= restartsMax {
            return enterFailed(cause: cause, now: now, into: &outputs)
        }
        let delay = policy.delayMs(restartIndex: restartCount, generator: &generator)
        let restartAt = now.saturatingAdd(delay)
        if let burst = policy.startLimitBurst {
            let inWindow = recentStartsMs.filter { $0.saturatingAdd(policy.startLimitIntervalMs) > restartAt }.count
            if inWindow >= Int(burst) { return enterFailed(cause: cause, now: now, into: &outputs) }
        }
        restartCount += 1
        phase = .backingOff(restartAtMs: restartAt)
        record(.backingOff, now: now)
        outputs.append(.event(.restarting(delayMs: delay, restartCount: restartCount)))
        outputs.append(.armTimer(.restart, atMs: restartAt))
    }

    /// Routes one of this engine's timers.
    package mutating func timerFired(
        _ timer: EngineTimer, now: UInt64, requestIDs: inout RequestIDAllocator, generator: inout SeededGenerator,
        into outputs: inout [SupervisorOutput]
    ) {
        switch timer {
        case .restart:
            guard case .backingOff = phase else { return }
            beginStart(now: now, into: &outputs)
        case .stage:
            guard case .starting(let starting) = phase else { return }
            let cause = ExitCause.startupTimeout(starting.stage)
            if let pid = starting.pid { return teardown(pid: pid, reason: .forced(cause), now: now, into: &outputs) }
            afterExit(cause: cause, status: nil, readyAtMs: nil, now: now, generator: &generator, into: &outputs)
        case .probe:
            probeTimerFired(now: now, requestIDs: &requestIDs, into: &outputs)
        case .probeTimeout:
            probeTimeoutFired(now: now, into: &outputs)
        case .stopStep:
            advanceTeardown(now: now, into: &outputs)
        case .heartbeat:
            guard case .running(let running) = phase else { return }
            teardown(pid: running.pid, reason: .forced(.heartbeatLost), now: now, into: &outputs)
        }
    }
}
