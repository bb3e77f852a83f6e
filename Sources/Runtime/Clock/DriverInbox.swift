import Dispatch
import Synchronization

/// The driver thread's bounded inbox: any thread posts events; the driver's `DriverLoop` takes them
/// in order. A post wakes the loop through a pipe that the loop polls along with the engines'
/// output, only while the loop waits in (or is about to enter) a blocking poll (`beginWait()`): a
/// post while it works costs no syscall on either side, as the loop looks at the inbox before it
/// blocks. One byte is written per wake-up, not per event (`wakePending`). The pipe is closed by
/// `closeWakePipe()` when the loop is done (or at deinit), after waiting for any poster between
/// claiming a wake-up and writing its byte, so a descriptor number is never written to after reuse.
package final class DriverInbox: Sendable {
    private struct Pending {
        var event: DriverEvent
        var postedNs: UInt64
    }

    private struct State {
        var events: [Pending] = []
        var head = 0
        var stopped = false
        /// The loop is in, or about to enter, a blocking poll (`beginWait()` … `endWait()`).
        var waiting = false
        /// Wake bytes written so far (a statistic: `wakeBytesWritten`).
        var wakeBytes = 0
        /// A byte is (or is about to be) in the wake pipe; the loop clears this after draining it.
        var wakePending = false
        /// Posters that claimed a wake-up and have not written its byte yet.
        var wakeWriters = 0
        /// `closeWakePipe()` was called; the last of `wakeWriters` signals `wakeWritersDone`.
        var wakeClosing = false
    }

    package let clock: MonotonicClock
    /// Events waiting beyond which `post` blocks and `tryPost` refuses.
    package let capacity: Int
    private let state = Mutex(State())
    private let space: DispatchSemaphore
    private let wake: (read: Int32, write: Int32)
    private let wakeWritersDone = DispatchSemaphore(value: 0)

    package init(clock: MonotonicClock, capacity: Int = 4_096) {
        precondition(capacity > 0, "inbox capacity must be positive")
        guard case .success(let pair) = PosixPipe.make() else {
            preconditionFailure("cannot create the driver's wake pipe: \(PosixErrno.current.message)")
        }
        PosixPipe.setNonBlocking(pair.read)
        PosixPipe.setNonBlocking(pair.write)
        self.clock = clock
        self.capacity = capacity
        self.space = DispatchSemaphore(value: capacity)
        self.wake = pair
    }

    deinit {
        // libdispatch traps when a semaphore is freed below its initial value: return the permits
        // still held by queued events.
        let (held, closed) = state.withLock { ($0.events.count - $0.head, $0.wakeClosing) }
        for _ in 0..<held { space.signal() }
        if !closed {
            PosixPipe.close(wake.read)
            PosixPipe.close(wake.write)
        }
    }

    /// Adds an event, waiting while the inbox is full; false once stopped.
    @discardableResult
    package func post(_ event: DriverEvent) -> Bool {
        while space.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            if state.withLock({ $0.stopped }) { return false }
        }
        return append(event)
    }

    /// Adds an event unless the inbox is full or the loop stopped.
    package func tryPost(_ event: DriverEvent) -> Bool {
        guard space.wait(timeout: .now()) == .success else { return false }
        return append(event)
    }

    /// The loop returns `.stopped` from now on; posts are refused.
    package func stop() {
        let wakeNow = state.withLock { state in
            state.stopped = true
            return Self.claimWake(&state)
        }
        if wakeNow { writeWakeByte() }
    }

    /// Closes the wake pipe, once (after `stop()`, when the loop will not poll again), first waiting
    /// for posters still about to write a wake byte (non-blocking writes: a short wait).
    package func closeWakePipe() {
        let (first, writers) = state.withLock { state in
            precondition(state.stopped, "the wake pipe is closed only after stop()")
            defer { state.wakeClosing = true }
            return (!state.wakeClosing, state.wakeWriters)
        }
        guard first else { return }
        if writers > 0 { wakeWritersDone.wait() }
        PosixPipe.close(wake.read)
        PosixPipe.close(wake.write)
    }

    package var isStopped: Bool { state.withLock { $0.stopped } }

    /// Wake bytes written so far: how often a post (or `stop()`) had to wake a waiting loop.
    package var wakeBytesWritten: Int { state.withLock { $0.wakeBytes } }

    /// Whether the loop waits in (or is about to enter) a blocking poll.
    package var isLoopWaiting: Bool { state.withLock { $0.waiting } }

    // MARK: The loop's side (its thread only)

    /// What the loop polls to learn that something was posted.
    var wakeDescriptor: Int32 { wake.read }

    /// Whether the loop stopped, and when the oldest waiting event was posted.
    func head() -> (stopped: Bool, postedNs: UInt64?) {
        state.withLock { state in
            (state.stopped, state.head < state.events.count ? state.events[state.head].postedNs : nil)
        }
    }

    /// Removes and returns the oldest waiting event.
    func take() -> DriverEvent? {
        let event: DriverEvent? = state.withLock { state in
            guard state.head < state.events.count else { return nil }
            let pending = state.events[state.head]
            state.head += 1
            if state.head == state.events.count {
                state.events.removeAll(keepingCapacity: true)
                state.head = 0
            }
            return pending.event
        }
        if event != nil { space.signal() }
        return event
    }

    /// Before a blocking poll: false (do not block) when an event waits or the loop stopped; else
    /// posts write a wake byte from now until `endWait()`. Both in one lock, so a post either is
    /// seen here or wakes the poll.
    func beginWait() -> Bool {
        state.withLock { state in
            guard !state.stopped, state.head == state.events.count else { return false }
            state.waiting = true
            return true
        }
    }

    /// After the blocking poll returned: posts no longer write wake bytes.
    func endWait() {
        state.withLock { $0.waiting = false }
    }

    /// After the wake descriptor polled readable: empties the pipe, then lets the next post write again
    /// (in this order, so a post after `head()` always leaves a byte to wake the next poll).
    func acknowledgeWake() {
        PosixPipe.drain(wake.read)
        state.withLock { $0.wakePending = false }
    }

    private func append(_ event: DriverEvent) -> Bool {
        let nowNs = clock.nowNs()
        let (accepted, wakeNow) = state.withLock { state -> (Bool, Bool) in
            guard !state.stopped else { return (false, false) }
            state.events.append(Pending(event: event, postedNs: nowNs))
            return (true, Self.claimWake(&state))
        }
        if !accepted { space.signal() }
        if wakeNow { writeWakeByte() }
        return accepted
    }

    /// True when the caller must write the wake byte (the loop waits or is about to, and no other
    /// wake-up is pending); it then counts as a wake writer until `writeWakeByte` returns.
    private static func claimWake(_ state: inout State) -> Bool {
        guard state.waiting, !state.wakePending, !state.wakeClosing else { return false }
        state.wakePending = true
        state.wakeWriters += 1
        state.wakeBytes += 1
        return true
    }

    private func writeWakeByte() {
        PosixPipe.signal(wake.write)
        let lastBeforeClose = state.withLock { state in
            state.wakeWriters -= 1
            return state.wakeClosing && state.wakeWriters == 0
        }
        if lastBeforeClose { wakeWritersDone.signal() }
    }
}
