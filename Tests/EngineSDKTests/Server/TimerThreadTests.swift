import Dispatch
import EngineSDK
import Synchronization
import Testing

@Suite("TimerThread fires each armed timer once, at or after its deadline")
struct TimerThreadTests {
    /// A clock the test sets and a record of firings; `next()` waits (bounded) for one.
    final class Probe: Sendable {
        let nowMs = Atomic<Int>(0)
        let fired = Mutex<[SessionTimer]>([])
        let signal = DispatchSemaphore(value: 0)

        func record(_ timer: SessionTimer) {
            fired.withLock { $0.append(timer) }
            signal.signal()
        }

        /// Waits up to 10 s for the next firing (a bound against a hang, not a timing check).
        func next() -> Bool { signal.wait(timeout: .now() + .seconds(10)) == .success }

        var firings: [SessionTimer] { fired.withLock { $0 } }
    }

    static func make() -> (TimerThread, Probe) {
        let probe = Probe()
        let timers = TimerThread(clock: { probe.nowMs.load(ordering: .relaxed) }) { probe.record($0) }
        return (timers, probe)
    }

    @Test("a deadline already passed fires at once; re-arming replaces the earlier arming")
    func duePassed() {
        let (timers, probe) = Self.make()
        probe.nowMs.store(1_000, ordering: .relaxed)
        timers.arm(.heartbeat, atMs: 1_000_000)
        timers.commit()
        timers.arm(.heartbeat, atMs: 999)
        timers.commit()
        #expect(probe.next())
        #expect(probe.firings == [.heartbeat])
    }

    @Test("a cancelled timer does not fire; the other one still does")
    func cancelled() {
        let (timers, probe) = Self.make()
        timers.arm(.heartbeat, atMs: 50)
        timers.commit()
        timers.cancel(.heartbeat)
        timers.arm(.healthDeadline, atMs: 60)
        timers.commit()
        probe.nowMs.store(100, ordering: .relaxed)  // both deadlines have passed on the test's clock
        timers.arm(.healthDeadline, atMs: 40)
        timers.commit()  // an earlier deadline wakes the thread, which sees the new time
        #expect(probe.next())
        #expect(probe.firings == [.healthDeadline])
    }

    @Test("arming and cancelling before commit neither starts nor wakes the thread")
    func armedAndCancelled() {
        let (timers, probe) = Self.make()
        probe.nowMs.store(100, ordering: .relaxed)
        timers.arm(.healthDeadline, atMs: 0)
        timers.cancel(.healthDeadline)
        timers.commit()
        timers.arm(.heartbeat, atMs: 0)
        timers.commit()
        #expect(probe.next())
        #expect(probe.firings == [.heartbeat])
    }

    @Test("a timer fires again when armed again after firing")
    func rearmed() {
        let (timers, probe) = Self.make()
        probe.nowMs.store(10, ordering: .relaxed)
        timers.arm(.heartbeat, atMs: 5)
        timers.commit()
        #expect(probe.next())
        timers.arm(.heartbeat, atMs: 10)
        timers.commit()
        #expect(probe.next())
        #expect(probe.firings == [.heartbeat, .heartbeat])
    }
}
