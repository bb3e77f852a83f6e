/// The coordinator's armed timers by id. Engine timers (armed and cancelled on every engine step)
/// sit in a fixed array per engine, indexed by engine position and timer kind; request and task
/// timers are in `IDTable`s by kind. No lookup hashes. Nothing iterates it in an order that reaches
/// output (`values` is sorted by its callers).
struct TimerTable: Sendable {
    private let engines: EngineIndex
    private var engineTimers: [QueuedTimer?]
    private var requestTimeouts = IDTable<RequestID, QueuedTimer>()
    private var cancelGraces = IDTable<RequestID, QueuedTimer>()
    private var taskDeadlines = IDTable<TaskID, QueuedTimer>()
    private(set) var count = 0

    init(engines: EngineIndex) {
        self.engines = engines
        engineTimers = Array(repeating: nil, count: engines.count * EngineTimer.allCases.count)
    }

    /// The slot of an engine timer; nil for other timers (and engines not configured).
    @inline(__always) private func slot(_ timer: TimerID) -> Int? {
        guard case .engine(let engine, let kind) = timer, let position = engines.position(of: engine) else { return nil }
        return position * EngineTimer.allCases.count + kind.ordinal
    }

    subscript(timer: TimerID) -> QueuedTimer? {
        switch timer {
        case .engine: slot(timer).flatMap { engineTimers[$0] }
        case .requestTimeout(let request): requestTimeouts[request]
        case .cancelGrace(let request): cancelGraces[request]
        case .taskDeadline(let task): taskDeadlines[task]
        }
    }

    /// Arms (or moves) a timer; returns the entry it replaced.
    mutating func updateValue(_ armed: QueuedTimer, forKey timer: TimerID) -> QueuedTimer? {
        let old: QueuedTimer?
        switch timer {
        case .engine:
            guard let slot = slot(timer) else { preconditionFailure("\(timer): engine not configured") }
            old = engineTimers[slot]
            engineTimers[slot] = armed
        case .requestTimeout(let request): old = requestTimeouts.updateValue(armed, forKey: request)
        case .cancelGrace(let request): old = cancelGraces.updateValue(armed, forKey: request)
        case .taskDeadline(let task): old = taskDeadlines.updateValue(armed, forKey: task)
        }
        if old == nil { count += 1 }
        return old
    }

    /// Drops a timer; returns the entry, nil when it was not armed.
    mutating func removeValue(forKey timer: TimerID) -> QueuedTimer? {
        let old: QueuedTimer?
        switch timer {
        case .engine:
            guard let slot = slot(timer) else { return nil }
            old = engineTimers[slot]
            engineTimers[slot] = nil
        case .requestTimeout(let request): old = requestTimeouts.removeValue(forKey: request)
        case .cancelGrace(let request): old = cancelGraces.removeValue(forKey: request)
        case .taskDeadline(let task): old = taskDeadlines.removeValue(forKey: task)
        }
        if old != nil { count -= 1 }
        return old
    }

    /// Every armed timer's arming, in no particular order (sort before use).
    var values: [QueuedTimer] {
        var values: [QueuedTimer] = []
        values.reserveCapacity(count)
        for armed in engineTimers { if let armed { values.append(armed) } }
        values += requestTimeouts.values
        values += cancelGraces.values
        values += taskDeadlines.values
        return values
    }
}
