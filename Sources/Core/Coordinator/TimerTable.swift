/// The coordinator's armed timers by id. Engine timers (armed and cancelled on every engine step)
/// sit in a fixed array per engine, indexed by engine position and timer kind, so they are found
/// without hashing; request and task timers are in dictionaries. Nothing iterates it in an order
/// that reaches output (`values` is sorted by its callers).
struct TimerTable: Sendable {
    private let engines: EngineIndex
    private var engineTimers: [Coordinator.ArmedTimer?]
    private var others: [TimerID: Coordinator.ArmedTimer] = [:]
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

    subscript(timer: TimerID) -> Coordinator.ArmedTimer? {
        guard let slot = slot(timer) else { return others[timer] }
        return engineTimers[slot]
    }

    /// Arms (or moves) a timer; returns the entry it replaced.
    mutating func updateValue(_ armed: Coordinator.ArmedTimer, forKey timer: TimerID) -> Coordinator.ArmedTimer? {
        let old: Coordinator.ArmedTimer?
        if let slot = slot(timer) {
            old = engineTimers[slot]
            engineTimers[slot] = armed
        } else {
            old = others.updateValue(armed, forKey: timer)
        }
        if old == nil { count += 1 }
        return old
    }

    /// Drops a timer; returns the entry, nil when it was not armed.
    mutating func removeValue(forKey timer: TimerID) -> Coordinator.ArmedTimer? {
        let old: Coordinator.ArmedTimer?
        if let slot = slot(timer) {
            old = engineTimers[slot]
            engineTimers[slot] = nil
        } else {
            old = others.removeValue(forKey: timer)
        }
        if old != nil { count -= 1 }
        return old
    }

    /// Every armed timer, in no particular order (sort before use).
    var values: [Coordinator.ArmedTimer] {
        var values: [Coordinator.ArmedTimer] = []
        values.reserveCapacity(count)
        for armed in engineTimers { if let armed { values.append(armed) } }
        values.append(contentsOf: others.values)
        return values
    }
}
