import Core
import Dispatch
import Runtime
import Synchronization

/// The coordinator↔lsref path: one task at a time through the real `RuntimeDriver`.
extension RuntimeLatencyBench {
    /// Fed by the driver's event handler (driver thread): wakes the client when lsref is ready and
    /// when its task has ended.
    final class Probe: Sendable {
        let failures = Mutex<[String]>([])
        /// `signal.engine.unhealthy` events (a probe that failed or was overtaken by the next one).
        let unhealthyEvents = Mutex(0)
        /// The driver thread's id (its events are handled there), for its CPU time.
        let driverThread = Mutex<Int32?>(nil)
        private let ready = DispatchSemaphore(value: 0)
        private let ended = DispatchSemaphore(value: 0)

        var handler: @Sendable (Event) -> Void { { [self] event in record(event) } }

        private func record(_ event: Event) {
            switch event.kind {
            case .engine(_, .ready):
                driverThread.withLock { $0 = CPUReading.currentThreadID() }
                ready.signal()
            case .engine(_, .unhealthy):
                unhealthyEvents.withLock { $0 += 1 }
            case .taskCompleted:
                ended.signal()
            case .taskFailed(let error):
                failures.withLock { $0.append(error.description) }
                ended.signal()
            case .taskCancelled:
                failures.withLock { $0.append("cancelled") }
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

        /// One task posted with its reply to a callback (`RuntimeDriver.post`) and awaited: the
        /// client thread is woken once per task (by its end), not also by the reply.
        func postedRoundTrip(_ driver: RuntimeDriver, _ spec: TaskSpec) throws -> Duration {
            let clock = ContinuousClock()
            let start = clock.now
            let posted = driver.post(.submit(spec)) { [self] answer in
                guard case .submitted = answer else {
                    failures.withLock { $0.append("not accepted: \(answer)") }
                    ended.signal()
                    return
                }
            }
            guard posted else { throw EchoError(description: "the driver has stopped") }
            guard ended.wait(timeout: .now() + .seconds(10)) == .success else {
                throw EchoError(description: "the task did not end within 10 s")
            }
            return clock.now - start
        }
    }
}
