/// Client commands: start, stop, restart.
extension EngineSupervisor {
    /// Starts a Stopped or Failed engine (a manual start resets the restart count and start history).
    package mutating func start(now: UInt64) throws(CoreError) -> [SupervisorOutput] {
        switch phase {
        case .stopped, .failed:
            restartCount = 0
            recentStartsMs = []
            return beginStart(now: now)
        case .backingOff, .starting, .running, .stopping:
            throw CoreError(.engineStateConflict, "\(id) is \(state.phase), not stopped or failed")
        }
    }

    /// Stops the engine: the whole `StopSequence` when a process is up; at once otherwise.
    package mutating func stop(now: UInt64, requestIDs: inout RequestIDAllocator) -> [SupervisorOutput] {
        switch phase {
        case .stopped:
            return []
        case .failed:
            return enterStopped(now: now)
        case .backingOff:
            return [.cancelTimer(.restart)] + enterStopped(now: now)
        case .starting(let starting):
            guard let pid = starting.pid else { return [.cancelTimer(.stage)] + enterStopped(now: now) }
            return teardown(pid: pid, reason: .requested, now: now) + attachStopRequest(requestIDs: &requestIDs)
        case .running(let running):
            return teardown(pid: running.pid, reason: .requested, now: now) + attachStopRequest(requestIDs: &requestIDs)
        case .stopping(var stopping):
            stopping.reason = .requested
            phase = .stopping(stopping)
            return []
        }
    }

    /// Restarts the engine now, resetting the restart count: the only way out of Failed besides start.
    package mutating func restart(now: UInt64, requestIDs: inout RequestIDAllocator) -> [SupervisorOutput] {
        switch phase {
        case .stopped, .failed:
            restartCount = 0
            recentStartsMs = []
            return beginStart(now: now)
        case .backingOff:
            restartCount = 0
            return [.cancelTimer(.restart)] + beginStart(now: now)
        case .starting(let starting):
            guard let pid = starting.pid else {
                restartCount = 0
                return [.cancelTimer(.stage)] + beginStart(now: now)
            }
            return teardown(pid: pid, reason: .manualRestart, now: now) + attachStopRequest(requestIDs: &requestIDs)
        case .running(let running):
            return teardown(pid: running.pid, reason: .manualRestart, now: now)
                + attachStopRequest(requestIDs: &requestIDs)
        case .stopping(var stopping):
            stopping.reason = .manualRestart
            phase = .stopping(stopping)
            return []
        }
    }

    mutating func enterStopped(now: UInt64) -> [SupervisorOutput] {
        phase = .stopped
        record(.stopped, now: now)
        return [.event(.stopped)]
    }

    mutating func enterFailed(cause: ExitCause, now: UInt64) -> [SupervisorOutput] {
        record(.failed, now: now)
        phase = .failed(diagnostics(cause: cause, now: now))
        return [.event(.failed(cause))]
    }
}
