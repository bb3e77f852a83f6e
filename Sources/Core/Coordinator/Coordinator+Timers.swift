/// Timer firing (the bookkeeping is `ActionSink`'s).
extension Coordinator {
    /// Routes a due timer; ignored when it is not armed.
    mutating func fire(_ timer: TimerID, now: UInt64) {
        guard sink.disarm(timer) else { return }
        switch timer {
        case .engine(let engine, let engineTimer):
            var outputs = supervisorBuffer()
            supervisors.all[supervisors.index.position(of: engine)!].timerFired(
                engineTimer, now: now, requestIDs: &requestIDs, generator: &generator, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .requestTimeout, .cancelGrace, .taskDeadline:
            scheduler.timerFired(timer, now: now, into: &sink)
        }
    }

    /// Fires due timers in (due time, arming order) until none is due; bounded against a timer that
    /// keeps re-arming itself in the past.
    mutating func fireDueTimers(now: UInt64) {
        for _ in 0..<100_000 {
            sink.pruneTimerQueue()
            guard let next = nextTimer, next.atMs <= now else { return }
            fire(next.timer, now: now)
        }
        preconditionFailure("timers keep firing at \(now)")
    }
}
