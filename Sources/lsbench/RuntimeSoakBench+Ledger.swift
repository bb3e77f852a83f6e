import Core
import Dispatch
import Synchronization

extension RuntimeSoakBench {
    /// What the soak saw, fed by the driver's event handler (driver thread) and read by the bench
    /// thread: crashes, restarts, and how every task ended.
    final class Ledger: Sendable {
        struct State {
            var crashes = 0
            var restarts = 0
            var readies = 0
            var failedEngine = false
            /// Final events per task (`taskCompleted`, `taskFailed`, `taskCancelled`).
            var finals: [TaskID: [EventKind]] = [:]
            var completed = 0
            var failed = 0
            var cancelled = 0
            var failureCodes: [String: Int] = [:]
        }

        let state = Mutex(State())
        /// Signalled on every crash and every final task event.
        private let progress = DispatchSemaphore(value: 0)

        var handler: @Sendable (Event) -> Void { { [self] event in record(event) } }

        func record(_ event: Event) {
            let woke: Bool = state.withLock { state in
                // Engine signals also go to the log of each task they touch: count the coordinator-wide copy.
                switch event.kind {
                case .engine(_, .crashed) where event.job == nil:
                    state.crashes += 1
                    return true
                case .engine(_, .restarting) where event.job == nil:
                    state.restarts += 1
                case .engine(_, .ready) where event.job == nil:
                    state.readies += 1
                case .engine(_, .failed) where event.job == nil:
                    state.failedEngine = true
                    return true
                case .taskCompleted:
                    state.completed += 1
                case .taskFailed(let error):
                    state.failed += 1
                    state.failureCodes[error.code.id, default: 0] += 1
                case .taskCancelled:
                    state.cancelled += 1
                default:
                    return false
                }
                guard event.kind.isFinal, let job = event.job else { return false }
                state.finals[job, default: []].append(event.kind)
                return true
            }
            if woke { progress.signal() }
        }

        /// Waits at most `timeoutMs` for the next crash or final event.
        func waitForProgress(timeoutMs: Int) {
            _ = progress.wait(timeout: .now() + .milliseconds(timeoutMs))
        }

        var crashes: Int { state.withLock { $0.crashes } }

        /// Submitted tasks that have ended (at least once).
        func endedCount(of tasks: [TaskID]) -> Int {
            state.withLock { state in
                var ended = 0
                for task in tasks where state.finals[task] != nil { ended += 1 }
                return ended
            }
        }

        /// (lost, duplicated, wrong end, unknown): never ended, ended more than once, ended other than
        /// completed/failed, final events of tasks never submitted.
        func audit(_ submitted: [TaskID]) -> (lost: Int, duplicated: Int, wrongEnd: Int, unknown: Int) {
            state.withLock { state in
                var lost = 0
                var duplicated = 0
                var wrongEnd = 0
                for task in submitted {
                    let ends = state.finals[task] ?? []
                    if ends.isEmpty { lost += 1 }
                    if ends.count > 1 { duplicated += 1 }
                    for end in ends where end == .taskCancelled { wrongEnd += 1 }
                }
                let known = Set(submitted)
                var unknown = 0
                for task in state.finals.keys where !known.contains(task) { unknown += 1 }
                return (lost, duplicated, wrongEnd, unknown)
            }
        }
    }
}
