import Dispatch
import Foundation
import Synchronization

/// The session's timers on one thread: a deadline per `SessionTimer` (there are two), a semaphore
/// to wake the thread when a deadline moves earlier. Arming or cancelling costs a lock, and a wake-up
/// only when the new deadline is earlier than the one the thread sleeps towards; a cancelled timer
/// lets the thread wake at its old deadline, find nothing due and sleep again.
package final class TimerThread: Sendable {
    private struct State {
        var deadlines: [SessionTimer: Int] = [:]
        /// The deadline the thread sleeps towards (nil: no deadline, or not sleeping).
        var sleepingUntilMs: Int?
        var started = false
    }

    private let state = Mutex(State())
    private let wake = DispatchSemaphore(value: 0)
    private let clock: @Sendable () -> Int
    private let fire: @Sendable (SessionTimer) -> Void

    /// `clock` gives the session's milliseconds; `fire` runs on the timer thread for each due timer.
    package init(clock: @escaping @Sendable () -> Int, fire: @escaping @Sendable (SessionTimer) -> Void) {
        self.clock = clock
        self.fire = fire
    }

    /// Fires `timer` at `atMs`, replacing an earlier arming of it.
    package func arm(_ timer: SessionTimer, atMs: Int) {
        let (startThread, signal) = state.withLock { state in
            state.deadlines[timer] = atMs
            let startThread = !state.started
            state.started = true
            let signal = state.sleepingUntilMs.map { atMs < $0 } ?? true
            if signal { state.sleepingUntilMs = nil }
            return (startThread, signal && !startThread)
        }
        if startThread { Thread { [self] in run() }.start() }
        if signal { wake.signal() }
    }

    /// Forgets `timer`; a firing already taken by the thread still reaches the session, which ignores it.
    package func cancel(_ timer: SessionTimer) {
        state.withLock { _ = $0.deadlines.removeValue(forKey: timer) }
    }

    private func run() {
        while true {
            let now = clock()
            let (due, nextMs) = state.withLock { state in
                var due: [SessionTimer] = []
                for (timer, atMs) in state.deadlines where atMs <= now { due.append(timer) }
                for timer in due { state.deadlines.removeValue(forKey: timer) }
                let nextMs = state.deadlines.values.min()
                state.sleepingUntilMs = due.isEmpty ? (nextMs ?? Int.max) : nil
                return (due, nextMs)
            }
            // Two timers at most: fire the health deadline first, as the order does not matter otherwise.
            for timer in due.sorted(by: { order($0) < order($1) }) { fire(timer) }
            guard due.isEmpty else { continue }
            if let nextMs {
                _ = wake.wait(timeout: .now() + .milliseconds(max(0, nextMs - now)))
            } else {
                wake.wait()
            }
        }
    }

    private func order(_ timer: SessionTimer) -> Int {
        switch timer {
        case .healthDeadline: 0
        case .heartbeat: 1
        }
    }
}
