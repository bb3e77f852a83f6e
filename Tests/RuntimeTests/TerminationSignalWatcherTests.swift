import Dispatch
import Glibc
import Runtime
import Synchronization
import Testing

extension RealProcessTests {
    @Suite("Termination signals")
    struct TerminationSignalWatcherTests {
        @Test("a watched signal reaches the handler instead of ending the process")
        func watched() {
            let received = Mutex<[GroupSignal]>([])
            let arrived = DispatchSemaphore(value: 0)
            let watcher = TerminationSignalWatcher.start([GroupSignal(rawValue: SIGUSR2)]) { signal in
                received.withLock { $0.append(signal) }
                arrived.signal()
            }
            defer { watcher.cancel() }
            #expect(kill(getpid(), SIGUSR2) == 0)
            #expect(arrived.wait(timeout: .now() + .milliseconds(Fixture.waitMs)) == .success)
            #expect(received.withLock { $0 } == [GroupSignal(rawValue: SIGUSR2)])
        }
    }
}
