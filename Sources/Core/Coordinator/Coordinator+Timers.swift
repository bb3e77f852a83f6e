/// Timer bookkeeping and the translation of scheduler outputs.
extension Coordinator {
    /// Records an armed timer and returns its action.
    mutating func arm(_ timer: TimerID, atMs: UInt64) -> CoordinatorAction {
        timerSequence += 1
        let armed = ArmedTimer(atMs: atMs, sequence: timerSequence, timer: timer)
        forgetArmedTop(timers.updateValue(armed, forKey: timer))
        timerQueue.push(armed)
        return .armTimer(timer, atMs: atMs)
    }

    /// Forgets an armed timer; no action for one that is not armed.
    mutating func cancel(_ timer: TimerID, into actions: inout [CoordinatorAction]) {
        guard let removed = timers.removeValue(forKey: timer) else { return }
        forgetArmedTop(removed)
        actions.append(.cancelTimer(timer))
    }

    /// A timer left `timers` (cancelled, fired or moved): if it was the verified queue top, the top
    /// must be checked again.
    private mutating func forgetArmedTop(_ removed: ArmedTimer?) {
        if let removed, removed.sequence == armedTopSequence { armedTopSequence = nil }
    }

    /// Routes a due timer; ignored when it is not armed.
    mutating func fire(_ timer: TimerID, now: UInt64, into actions: inout [CoordinatorAction]) {
        guard let removed = timers.removeValue(forKey: timer) else { return }
        forgetArmedTop(removed)
        switch timer {
        case .engine(let engine, let engineTimer):
            let outputs = supervisors[engine]!.timerFired(
                engineTimer, now: now, requestIDs: &requestIDs, generator: &generator)
            apply(outputs, engine: engine, now: now, into: &actions)
        case .requestTimeout, .cancelGrace, .taskDeadline:
            apply(scheduler.timerFired(timer, now: now), now: now, into: &actions)
        }
    }

    /// Fires due timers in (due time, arming order) until none is due; bounded against a timer that
    /// keeps re-arming itself in the past.
    mutating func fireDueTimers(now: UInt64, into actions: inout [CoordinatorAction]) {
        for _ in 0..<100_000 {
            pruneTimerQueue()
            guard let next = nextTimer, next.atMs <= now else { return }
            fire(next.timer, now: now, into: &actions)
        }
        preconditionFailure("timers keep firing at \(now)")
    }

    /// Drops cancelled or re-armed entries from the top of the timer queue (so `nextTimer` is armed),
    /// and rebuilds the queue when stale entries outnumber live ones.
    mutating func pruneTimerQueue() {
        while let top = timerQueue.top, top.sequence != armedTopSequence {
            if timers[top.timer] == top {
                armedTopSequence = top.sequence
            } else {
                timerQueue.pop()
            }
        }
        if timerQueue.count > 2 * timers.count + 64 {
            timerQueue = MinHeap(Array(timers.values))
            armedTopSequence = nil
        }
    }

    /// Turns scheduler outputs into actions (appended to `actions`), appending events to the log.
    mutating func apply(_ outputs: [SchedulerOutput], now: UInt64, into actions: inout [CoordinatorAction]) {
        for output in outputs {
            switch output {
            case .send(let engine, let request): actions.append(.send(engine, request))
            case .armTimer(let timer, let atMs): actions.append(arm(timer, atMs: atMs))
            case .cancelTimer(let timer): cancel(timer, into: &actions)
            case .event(let job, let kind): actions.append(.emit(events.append(job: job, kind: kind, now: now)))
            case .forget(let job): events.forget(job: job)
            }
        }
    }
}
