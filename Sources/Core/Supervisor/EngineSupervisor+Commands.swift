/// Client commands: start, stop, restart.
extension EngineSupervisor {
    /// Starts a Stopped or Failed engine (a manual start resets the restart count and start history).
    /// Nothing is appended when it throws.
    package mutating func start(now: UInt64, into outputs: inout [SupervisorOutput]) throws(CoreError) {
        switch phase {
        case .stopped, .failed:
            restartCount = 0
            recentStartsMs = []
            beginStart(now: now, into: &outputs)
        case .backingOff, .starting, .running, .stopping:
            throw CoreError(.engineStateConflict, "\(id) is \(state.phase), not stopped or failed")
        }
    }

    /// Stops the engine: the whole `StopSequence` when a process is up; at once otherwise.
    package mutating func stop(
        now: UInt64, requestIDs: inout RequestIDAllocator, into outputs: inout [SupervisorOutput]
    ) {
        switch phase {
        case .stopped:
            return
        case .failed:
            enterStopped(now: now, into: &outputs)
        case .backingOff:
            outputs.append(.cancelTimer(.restart))
            enterStopped(now: now, into: &outputs)
        case .starting(let starting):
            guard let pid = starting.pid else {
                outputs.append(.cancelTimer(.stage))
                return enterStopped(now: now, into: &outputs)
            }
            teardown(pid: pid, reason: .requested, now: now, into: &outputs)
            attachStopRequest(requestIDs: &requestIDs, into: &outputs)
        case .running(let running):
            teardown(pid: running.pid, reason: .requested, now: now, into: &outputs)
            attachStopRequest(requestIDs: &requestIDs, into: &outputs)
        case .stopping(var stopping):
            stopping.reason = .requested
            phase = .stopping(stopping)
        }
    }

    /// Restarts the engine now, resetting the restart count: the only way out of Failed besides start.
    package mutating func restart(
        now: UInt64, requestIDs: inout RequestIDAllocator, into outputs: inout [SupervisorOutput]
    ) {
        switch phase {
        case .stopped, .failed:
            restartCount = 0
            recentStartsMs = []
            beginStart(now: now, into: &outputs)
        case .backingOff:
            restartCount = 0
            outputs.append(.cancelTimer(.restart))
            beginStart(now: now, into: &outputs)
        case .starting(let starting):
            guard let pid = starting.pid else {
                restartCount = 0
                outputs.append(.cancelTimer(.stage))
                return beginStart(now: now, into: &outputs)
            }
            teardown(pid: pid, reason: .manualRestart, now: now, into: &outputs)
            attachStopRequest(requestIDs: &requestIDs, into: &outputs)
        case .running(let running):
            teardown(pid: running.pid, reason: .manualRestart, now: now, into: &outputs)
            attachStopRequest(requestIDs: &requestIDs, into: &outputs)
        case .stopping(var stopping):
            stopping.reason = .manualRestart
            phase = .stopping(stopping)
        }
    }

    mutating func enterStopped(now: UInt64, into outputs: inout [SupervisorOutput]) {
        phase = .stopped
        record(.stopped, now: now)
        outputs.append(.event(.stopped))
    }

    mutating func enterFailed(cause: ExitCause, now: UInt64, into outputs: inout [SupervisorOutput]) {
        record(.failed, now: now)
        phase = .failed(diagnostics(cause: cause, now: now))
        outputs.append(.event(.failed(cause)))
    }
}
