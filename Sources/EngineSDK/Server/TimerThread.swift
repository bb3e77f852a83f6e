import Dispatch
import Foundation
import Synchronization

/// The session's timers on one thread: a deadline per `SessionTimer` (there are two), a semaphore
/// to wake the thread when the earliest deadline moves before the one it sleeps towards. `arm` and
/// `cancel` only record the change; `commit()` wakes the thread if needed, so a deadline armed and
/// cancelled within one batch of actions (a `health_check` answered at once) costs no wake-up. A
/// cancelled timer lets the thread wake at its old deadline, find nothing due and sleep again.
package final class TimerThread: Sendable {
    private struct State {
        var deadlines: [SessionTimer: Int] = [:]
        /// The deadline the thread sleeps towards; `Int.max` when none, nil while it is not sleeping.
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

    /// Fires `timer` at `atMs`, replacing an earlier arming of it (from the next `commit()`).
    package func arm(_ timer: SessionTimer, atMs: Int) {
        state.withLock { $0.deadlines[timer] = atMs }
    }

    /// Forgets `timer`; a firing already taken by the thread still reaches the session, which ignores it.
    package func cancel(_ timer: SessionTimer) {
        state.withLock { _ = $0.deadlines.removeValue(forKey: timer) }
    }

    /// Starts the thread at the first deadline, and wakes it when a deadline is now earlier than the
    /// one it sleeps towards.
    package func commit() {
        let (startThread, signal) = state.withLock { state in
            guard let earliest = state.deadlines.values.min() else { return (false, false) }
            if !state.started {
                state.started = true
                return (true, false)
            }
            guard let sleepingUntilMs = state.sleepingUntilMs, earliest < sleepingUntilMs else { return (false, false) }
            state.sleepingUntilMs = nil
            return (false, true)
        }
        if startThread { Thread { [self] in run() }.start() }
        if signal { wake.signal() }
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
