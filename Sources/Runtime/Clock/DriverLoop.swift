import Core

/// The driver thread's wait: its inbox (`DriverInbox`, which any thread posts to), its timers, and
/// the descriptors it reads itself (the engines' stdout), all behind one `poll(2)`. `next()` hands
/// back one item at a time: a due timer before anything that arrived (was posted, or seen ready by a
/// poll) after its deadline, ties between timers by arming order; then the descriptors the last poll
/// saw ready; then the inbox's events in posting order. While events wait, the descriptors are polled
/// again (without blocking) at least every `refreshIntervalNs`, so an engine's reply is not held
/// behind a batch of stderr lines. The loop never sleeps on anyone's behalf: `next()` blocks only
/// until something arrives or the next deadline.
///
/// Not `Sendable`: it belongs to the thread that calls `next()`, which alone arms timers and watches
/// descriptors. Other threads reach it through `inbox`. Not generic either: a cross-module caller
/// (the latency benchmark) then runs the same specialized code as the driver.
package final class DriverLoop {
    package enum Item {
        case event(DriverEvent)
        case timer(DriverTimer)
        /// A watched descriptor can be read without blocking (data, end of file or an error).
        case readable(Int32)
        case stopped
    }

    struct Timer {
        var deadlineMs: UInt64
        var sequence: UInt64
    }

    /// A heap entry; stale once its key is cancelled or re-armed (its sequence no longer matches).
    struct ArmedTimer: Comparable, Sendable {
        var deadlineMs: UInt64
        var sequence: UInt64
        var key: DriverTimer

        static func < (a: Self, b: Self) -> Bool { (a.deadlineMs, a.sequence) < (b.deadlineMs, b.sequence) }
    }

    struct Ready {
        var fd: Int32
        var seenNs: UInt64
    }

    /// The longest single wait, so a far-future deadline cannot overflow the conversion.
    static var waitMsMax: UInt64 { 60_000 }
    /// While events wait in the inbox, how long the descriptors may go unpolled.
    static var refreshIntervalNs: UInt64 { 20_000 }

    package let inbox: DriverInbox
    /// The armed timers; `timerQueue` orders them (stale entries are dropped when they surface, and
    /// all at once when they outnumber the live ones).
    var timers: [DriverTimer: Timer] = [:]
    var timerQueue = MinHeap<ArmedTimer>()
    /// The sequence of a heap entry known to be live (not cancelled, not re-armed since), so the loop
    /// does not look the top up in `timers` (hashing its key) on every turn.
    var liveSequence: UInt64?
    private var sequence: UInt64 = 0
    let pollSet = PosixPollSet()
    /// Descriptors the last poll found ready and not yet handed out, oldest first from `readyHead`.
    var ready: [Ready] = []
    var readyHead = 0
    var polled: [Int32] = []
    /// When the last poll returned (nil: never).
    var lastPollNs: UInt64?

    package init(inbox: DriverInbox) {
        self.inbox = inbox
        pollSet.add(inbox.wakeDescriptor)
    }

    package convenience init(clock: MonotonicClock, capacity: Int = 4_096) {
        self.init(inbox: DriverInbox(clock: clock, capacity: capacity))
    }

    package var clock: MonotonicClock { inbox.clock }

    /// Arms (or re-arms) `key` to fire at `deadlineMs` on this loop's clock.
    package func armTimer(_ key: DriverTimer, atMs deadlineMs: UInt64) {
        sequence += 1
        if let replaced = timers.updateValue(Timer(deadlineMs: deadlineMs, sequence: sequence), forKey: key),
            replaced.sequence == liveSequence
        {
            liveSequence = nil
        }
        timerQueue.push(ArmedTimer(deadlineMs: deadlineMs, sequence: sequence, key: key))
        if timerQueue.count > 2 * timers.count + 64 {
            timerQueue = MinHeap(timers.map { ArmedTimer(deadlineMs: $0.value.deadlineMs, sequence: $0.value.sequence, key: $0.key) })
        }
    }

    /// Cancels `key`; a no-op when it is not armed.
    package func cancelTimer(_ key: DriverTimer) {
        if let cancelled = timers.removeValue(forKey: key), cancelled.sequence == liveSequence { liveSequence = nil }
    }

    package var armedTimerCount: Int { timers.count }

    /// `next()` reports `.readable(fd)` while `fd` (non-blocking, owned by the caller) has input.
    package func watch(_ fd: Int32) {
        pollSet.add(fd)
    }

    /// Stops watching `fd` and forgets a readiness not yet handed out; call it before closing `fd`.
    package func unwatch(_ fd: Int32) {
        pollSet.remove(fd)
        ready.removeSubrange(..<readyHead)
        readyHead = 0
        ready.removeAll { $0.fd == fd }
    }

    /// Closes the loop's own descriptor (its epoll set) when its thread is done with it; the loop
    /// must not be used afterwards. Also done at deinit.
    package func closeDescriptors() {
        pollSet.close()
    }

    /// Blocks until an event arrives, a timer is due or a watched descriptor is ready.
    package func next() -> (nowMs: UInt64, item: Item) {
        while true {
            let nowNs = clock.nowNs()
            if let item = nextArrived(nowNs: nowNs) { return (nowNs / 1_000_000, item) }
            waitForArrival(nowNs: nowNs)
        }
    }
}
