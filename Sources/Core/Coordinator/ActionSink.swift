/// The coordinator's output side: the actions of the current `handle` call, the event log and the
/// armed timers. Scheduler outputs are appended straight into it (`SchedulerSink`) and become their
/// actions at once, in order, so no per-call output arrays are built, copied and destroyed.
struct ActionSink: SchedulerSink, Sendable {
    /// The current call's actions, in order.
    var actions: [CoordinatorAction] = []
    /// The current call's time (events are stamped with it).
    var now: UInt64 = 0
    var events: EventLog
    /// Armed timers; `timerQueue` orders their armings (with stale entries removed lazily), and
    /// `armedBySequence` names the timer of each current arming.
    var timers: TimerTable
    var timerQueue = MinHeap<QueuedTimer>()
    var armedBySequence = IDTable<TimerSequence, TimerID>()
    var timerSequence: UInt64 = 0
    /// The sequence of the queue's top once it was found armed; cleared when that timer is cancelled,
    /// fired or moved, so `pruneTimerQueue` does not look the top up again after every input.
    var armedTopSequence: UInt64?

    init(events: EventLog, timers: TimerTable) {
        self.events = events
        self.timers = timers
    }

    /// Starts a `handle` call at `now` with an empty action list.
    mutating func begin(now: UInt64, reserving capacity: Int) {
        self.now = now
        actions = []
        actions.reserveCapacity(capacity)
    }

    /// The current call's actions, left empty here (so the caller's array is not shared).
    mutating func takeActions() -> [CoordinatorAction] {
        let taken = actions
        actions = []
        return taken
    }

    /// Turns one scheduler output into its actions, appending events to the log.
    mutating func append(_ output: SchedulerOutput) {
        switch output {
        case .send(let engine, let request): actions.append(.send(engine, request))
        case .armTimer(let timer, let atMs): arm(timer, atMs: atMs)
        case .cancelTimer(let timer): cancel(timer)
        case .event(let job, let kind): emit(job: job, kind)
        case .forget(let job): events.forget(job: job)
        }
    }

    /// Appends an event to the log and its `.emit` action.
    mutating func emit(job: TaskID?, _ kind: EventKind) {
        actions.append(.emit(events.append(job: job, kind: kind, now: now)))
    }

    /// Records an armed timer and appends its action.
    mutating func arm(_ timer: TimerID, atMs: UInt64) {
        timerSequence += 1
        let armed = QueuedTimer(atMs: atMs, sequence: TimerSequence(timerSequence))
        forget(timers.updateValue(armed, forKey: timer))
        armedBySequence[armed.sequence] = timer
        timerQueue.push(armed)
        actions.append(.armTimer(timer, atMs: atMs))
    }

    /// Forgets an armed timer and appends `.cancelTimer`; no action for one that is not armed.
    mutating func cancel(_ timer: TimerID) {
        guard disarm(timer) else { return }
        actions.append(.cancelTimer(timer))
    }

    /// Forgets an armed timer (no action); false when it was not armed.
    mutating func disarm(_ timer: TimerID) -> Bool {
        guard let removed = timers.removeValue(forKey: timer) else { return false }
        forget(removed)
        return true
    }

    /// An arming ended (cancelled, fired or moved): its queue entry is stale now, and if it was the
    /// verified queue top, the top must be checked again.
    private mutating func forget(_ removed: QueuedTimer?) {
        guard let removed else { return }
        armedBySequence.removeValue(forKey: removed.sequence)
        if removed.sequence.value == armedTopSequence { armedTopSequence = nil }
    }

    /// Armed timers by due time then arming order.
    var armedTimers: [(timer: TimerID, atMs: UInt64)] {
        timers.values.sorted().map { (timer: armedBySequence[$0.sequence]!, atMs: $0.atMs) }
    }

    /// The earliest armed timer. The queue is pruned after every input, so its top is armed.
    var nextTimer: (timer: TimerID, atMs: UInt64)? {
        guard let top = timerQueue.top, let timer = armedBySequence[top.sequence] else { return nil }
        return (timer, top.atMs)
    }

    /// Drops cancelled or re-armed entries from the top of the timer queue (so `nextTimer` is armed),
    /// and rebuilds the queue when stale entries outnumber live ones.
    mutating func pruneTimerQueue() {
        while let top = timerQueue.top, top.sequence.value != armedTopSequence {
            if armedBySequence[top.sequence] != nil {
                armedTopSequence = top.sequence.value
            } else {
                timerQueue.pop()
            }
        }
        if timerQueue.count > 2 * timers.count + 64 {
            timerQueue = MinHeap(timers.values)
            armedTopSequence = nil
        }
    }
}
