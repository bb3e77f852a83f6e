import Dispatch
import Synchronization

/// The driver thread's inbox and timers. Any thread posts events and arms or cancels timers; one
/// driver thread calls `next()` in a loop and gets events and due timers one at a time, in time order
/// (a timer due at or before an event's arrival comes first; ties between timers go by arming order).
/// The loop never sleeps on anyone's behalf: `next()` blocks only until the next event or deadline.
package final class DriverLoop<Event: Sendable, TimerKey: Hashable & Sendable>: Sendable {
    package enum Item: Sendable {
        case event(Event)
        case timer(TimerKey)
        case stopped
    }

    private struct Pending {
        var event: Event
        var postedMs: UInt64
    }

    private struct Timer {
        var deadlineMs: UInt64
        var sequence: UInt64
    }

    private struct State {
        var events: [Pending] = []
        var head = 0
        var timers: [TimerKey: Timer] = [:]
        var sequence: UInt64 = 0
        var stopped = false
    }

    private enum Decision {
        case deliver(Item, fromInbox: Bool)
        case wait(untilMs: UInt64?)
    }

    package let clock: MonotonicClock
    /// Events waiting beyond which `post` blocks and `tryPost` refuses.
    package let capacity: Int
    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore

    package init(clock: MonotonicClock, capacity: Int = 4_096) {
        precondition(capacity > 0, "inbox capacity must be positive")
        self.clock = clock
        self.capacity = capacity
        self.space = DispatchSemaphore(value: capacity)
    }

    deinit {
        // libdispatch traps when a semaphore is freed below its initial value: return the permits
        // still held by queued events.
        let held = state.withLock { $0.events.count - $0.head }
        for _ in 0..<held { space.signal() }
    }

    /// Adds an event, waiting while the inbox is full; false once stopped.
    @discardableResult
    package func post(_ event: Event) -> Bool {
        while space.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            if state.withLock({ $0.stopped }) { return false }
        }
        return append(event)
    }

    /// Adds an event unless the inbox is full or the loop stopped.
    package func tryPost(_ event: Event) -> Bool {
        guard space.wait(timeout: .now()) == .success else { return false }
        return append(event)
    }

    /// Arms (or re-arms) `key` to fire at `deadlineMs` on this loop's clock.
    package func armTimer(_ key: TimerKey, atMs deadlineMs: UInt64) {
        state.withLock { state in
            state.sequence += 1
            state.timers[key] = Timer(deadlineMs: deadlineMs, sequence: state.sequence)
        }
        wake.signal()
    }

    /// Cancels `key`; a no-op when it is not armed.
    package func cancelTimer(_ key: TimerKey) {
        state.withLock { _ = $0.timers.removeValue(forKey: key) }
    }

    package var armedTimerCount: Int { state.withLock { $0.timers.count } }

    /// `next()` returns `.stopped` from now on.
    package func stop() {
        state.withLock { $0.stopped = true }
        wake.signal()
    }

    /// Blocks until an event arrives or a timer is due; driver thread only.
    package func next() -> (nowMs: UInt64, item: Item) {
        while true {
            let nowMs = clock.nowMs()
            switch state.withLock({ Self.decide(&$0, nowMs: nowMs) }) {
            case .deliver(let item, let fromInbox):
                if fromInbox { space.signal() }
                return (nowMs, item)
            case .wait(let untilMs):
                guard let untilMs else {
                    wake.wait()
                    continue
                }
                // At most a minute per wait, so a far-future deadline cannot overflow the conversion.
                let waitMs = min(untilMs - nowMs, 60_000)
                _ = wake.wait(timeout: .now() + .milliseconds(Int(waitMs)))
            }
        }
    }

    private func append(_ event: Event) -> Bool {
        let nowMs = clock.nowMs()
        let accepted = state.withLock { state in
            guard !state.stopped else { return false }
            state.events.append(Pending(event: event, postedMs: nowMs))
            return true
        }
        if accepted { wake.signal() } else { space.signal() }
        return accepted
    }

    private static func decide(_ state: inout State, nowMs: UInt64) -> Decision {
        if state.stopped { return .deliver(.stopped, fromInbox: false) }
        let earliest = state.timers.min {
            ($0.value.deadlineMs, $0.value.sequence) < ($1.value.deadlineMs, $1.value.sequence)
        }
        let firstEvent = state.head < state.events.count ? state.events[state.head] : nil
        if let earliest, earliest.value.deadlineMs <= nowMs,
            firstEvent.map({ earliest.value.deadlineMs <= $0.postedMs }) ?? true
        {
            state.timers.removeValue(forKey: earliest.key)
            return .deliver(.timer(earliest.key), fromInbox: false)
        }
        if let firstEvent {
            state.head += 1
            if state.head == state.events.count {
                state.events.removeAll(keepingCapacity: true)
                state.head = 0
            }
            return .deliver(.event(firstEvent.event), fromInbox: true)
        }
        return .wait(untilMs: earliest?.value.deadlineMs)
    }
}
