import Core
import Dispatch
import Runtime
import Synchronization

/// The coordinator↔lsref path: one task at a time through the real `RuntimeDriver`.
extension RuntimeLatencyBench {
    /// Fed by the driver's event handler (driver thread). The engine round trip is taken there:
    /// from `task.started` (emitted right after the transcribe line is queued for lsref's stdin) to
    /// `task.engine_result` (emitted when the decoded result reaches the coordinator).
    final class Probe: Sendable {
        struct State {
            var startedAt: ContinuousClock.Instant?
            var engineRoundTrips: [Duration] = []
            var failures: [String] = []
        }

        let state = Mutex(State())
        private let ready = DispatchSemaphore(value: 0)
        private let ended = DispatchSemaphore(value: 0)

        var handler: @Sendable (Event) -> Void { { [self] event in record(event) } }

        private func record(_ event: Event) {
            let now = ContinuousClock.now
            switch event.kind {
            case .engine(_, .ready):
                ready.signal()
            case .taskStarted:
                state.withLock { $0.startedAt = now }
            case .engineResult:
                state.withLock { state in
                    if let start = state.startedAt { state.engineRoundTrips.append(now - start) }
                    state.startedAt = nil
                }
            case .taskCompleted:
                ended.signal()
            case .taskFailed(let error):
                state.withLock { $0.failures.append(error.description) }
                ended.signal()
            case .taskCancelled:
                state.withLock { $0.failures.append("cancelled") }
                ended.signal()
            default:
                break
            }
        }

        func waitUntilReady(timeoutMs: Int) -> Bool {
            ready.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
        }

        /// One task, submitted and awaited: the client's round trip.
        func roundTrip(_ driver: RuntimeDriver, _ spec: TaskSpec) throws -> Duration {
            let clock = ContinuousClock()
            let start = clock.now
            guard case .submitted? = driver.send(.submit(spec), timeoutMs: 10_000) else {
                throw EchoError(description: "the driver did not accept the task")
            }
            guard ended.wait(timeout: .now() + .seconds(10)) == .success else {
                throw EchoError(description: "the task did not end within 10 s")
            }
            return clock.now - start
        }

        /// The engine round trips recorded since the last call.
        func takeEngineRoundTrips() -> [Duration] {
            state.withLock { state in
                defer { state.engineRoundTrips = [] }
                return state.engineRoundTrips
            }
        }
    }
}
