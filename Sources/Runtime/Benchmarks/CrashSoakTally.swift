import Core
import Dispatch
import Synchronization

/// Counts what the soak's events say: crashes, final events per task, pids seen Ready.
final class CrashSoakTally: Sendable {
    private struct State {
        var crashes = 0
        var finalEvents: [TaskID: Int] = [:]
        var readyPids: [Int32] = []
    }

    private let state = Mutex(State())
    private let changed = DispatchSemaphore(value: 0)

    /// The driver's event handler.
    func record(_ event: Event) {
        state.withLock { state in
            switch event.kind {
            // Engine signals are also copied to the jobs an engine lost: count the coordinator-wide one.
            case .engine(_, .crashed) where event.job == nil: state.crashes += 1
            case .engine(_, .ready(let pid, _)) where event.job == nil: state.readyPids.append(pid.value)
            case .taskCompleted, .taskFailed, .taskCancelled:
                if let job = event.job { state.finalEvents[job, default: 0] += 1 }
            default: break
            }
        }
        changed.signal()
    }

    /// Waits for the next event, at most `timeoutMs`.
    func waitForChange(timeoutMs: Int) {
        _ = changed.wait(timeout: .now() + .milliseconds(max(timeoutMs, 0)))
    }

    var crashes: Int { state.withLock { $0.crashes } }

    var readyPids: [Int32] { state.withLock { $0.readyPids } }

    /// How many of `tasks` have no final event yet.
    func unfinished(_ tasks: [TaskID]) -> Int {
        state.withLock { state in tasks.count { state.finalEvents[$0] == nil } }
    }

    /// How many of `tasks` got more than one final event.
    func duplicated(_ tasks: [TaskID]) -> Int {
        state.withLock { state in tasks.count { (state.finalEvents[$0] ?? 0) > 1 } }
    }
}
