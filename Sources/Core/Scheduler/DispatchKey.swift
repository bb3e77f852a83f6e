/// The order in which queued lanes competing for an engine are dispatched: smallest key first.
///
/// `agedSlot = ⌊queuedAtMs / agingStepMs⌋ − priority` (low 0 … critical 3), then deadline (earliest
/// first, none last), then task id, then lane index. Comparing `agedSlot`s is the same as comparing
/// effective priorities `priority + (⌊now/s⌋ − ⌊queuedAt/s⌋)` at any common `now`: a lane's effective
/// priority rises one level each time the clock crosses a multiple of `s = agingStepMs`, without a cap.
/// Because the key never changes while a lane waits, the queue is a heap (O(log n) per dispatch).
///
/// **Starvation bound.** Let lane L of priority p be queued at t, and j = ⌊t/s⌋. A lane M of priority q
/// queued at u goes first only if ⌊u/s⌋ − q ≤ j − p, so no lane queued at or after
/// (j + 4 − p)·s ≤ t + (4 − p)·s — for a Low lane, t + 4s — is ever dispatched before L; lanes queued
/// in the last of those steps (⌊u/s⌋ = j + 3 − p for a critical M) go first only with an earlier
/// deadline. Hence, for a Low task under a flood of at most F Critical tasks per aging step:
///   K = Q + 4·F dispatches (Q: lanes already queued ahead of it when it was queued), and
///   T = K · d / c ms once dispatching, for service time d and concurrency c.
/// Tests check both sides with s = 1 000 ms and F = 10: the critical queued at 2 999 ms goes first, the
/// one at 3 000 ms goes after, and L is the 31st dispatch (K = 4·10 = 40 ≥ 31).
package struct DispatchKey: Hashable, Sendable, Comparable {
    package var agedSlot: Int64
    package var deadlineMs: UInt64
    package var task: TaskID
    package var lane: Int

    package init(queuedAtMs: UInt64, priority: TaskPriority, agingStepMs: UInt64, deadlineMs: UInt64?,
                 task: TaskID, lane: Int) {
        let step = max(1, agingStepMs)
        agedSlot = Int64(queuedAtMs / step) - Int64(priority.rawValue)
        self.deadlineMs = deadlineMs ?? .max
        self.task = task
        self.lane = lane
    }

    package static func < (a: Self, b: Self) -> Bool {
        (a.agedSlot, a.deadlineMs, a.task.value, a.lane) < (b.agedSlot, b.deadlineMs, b.task.value, b.lane)
    }
}
