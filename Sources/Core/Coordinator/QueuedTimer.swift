/// One arming in the coordinator's timer queue: due time, then arming order. Plain integers, so
/// queue moves and comparisons copy no strings (the timer's id is looked up by `sequence`).
struct QueuedTimer: Hashable, Sendable, Comparable {
    var atMs: UInt64
    var sequence: TimerSequence

    static func < (a: Self, b: Self) -> Bool { (a.atMs, a.sequence.value) < (b.atMs, b.sequence.value) }
}
