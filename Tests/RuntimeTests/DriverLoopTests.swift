import Dispatch
import Runtime
import Testing

@Suite("Driver loop and clock")
struct DriverLoopTests {
    enum Timer: Hashable, Sendable { case health(Int), restart(Int) }

    static func items(_ loop: DriverLoop<String, Timer>, count: Int) -> [String] {
        (0..<count).map { _ in
            switch loop.next().item {
            case .event(let event): "event \(event)"
            case .timer(let timer): "timer \(timer)"
            case .stopped: "stopped"
            }
        }
    }

    @Test("due timers come in deadline order, ties by arming order, before later events")
    func ordering() {
        let loop = DriverLoop<String, Timer>(clock: MonotonicClock())
        loop.armTimer(.restart(1), atMs: 0)
        loop.armTimer(.health(1), atMs: 0)
        loop.armTimer(.health(2), atMs: 0)
        loop.cancelTimer(.health(2))
        loop.post("a")
        loop.post("b")
        #expect(Self.items(loop, count: 4) == ["timer restart(1)", "timer health(1)", "event a", "event b"])
        #expect(loop.armedTimerCount == 0)
    }

    @Test("re-arming replaces the deadline; a timer far in the future does not fire before an event")
    func rearm() {
        let loop = DriverLoop<String, Timer>(clock: MonotonicClock())
        loop.armTimer(.health(1), atMs: 0)
        loop.armTimer(.health(1), atMs: UInt64.max / 4)
        loop.post("x")
        #expect(Self.items(loop, count: 1) == ["event x"])
        #expect(loop.armedTimerCount == 1)
    }

    @Test("a blocked next() wakes for an event from another thread and for a deadline")
    func wakeUps() {
        let loop = DriverLoop<String, Timer>(clock: MonotonicClock())
        DispatchQueue.global().async { loop.post("from afar") }
        #expect(Self.items(loop, count: 1) == ["event from afar"])
        let deadline = loop.clock.nowMs() + 5
        loop.armTimer(.restart(7), atMs: deadline)
        let (nowMs, item) = loop.next()
        if case .timer(.restart(7)) = item {} else { Issue.record("expected the timer, got \(item)") }
        #expect(nowMs >= deadline)
    }

    @Test("a blocked next() with only a far-future timer still wakes for an event")
    func farFutureTimer() {
        let loop = DriverLoop<String, Timer>(clock: MonotonicClock())
        loop.armTimer(.health(9), atMs: UInt64.max - 1)
        DispatchQueue.global().async { loop.post("late") }
        #expect(Self.items(loop, count: 1) == ["event late"])
    }

    @Test("a full inbox refuses tryPost; stop ends the loop")
    func capacityAndStop() {
        let loop = DriverLoop<String, Timer>(clock: MonotonicClock(), capacity: 2)
        #expect(loop.tryPost("1"))
        #expect(loop.tryPost("2"))
        #expect(!loop.tryPost("3"))
        #expect(Self.items(loop, count: 1) == ["event 1"])
        #expect(loop.tryPost("3"))
        loop.stop()
        #expect(Self.items(loop, count: 1) == ["stopped"])
        #expect(!loop.post("4"))
    }

    @Test("the monotonic clock never goes backwards")
    func monotonic() {
        let clock = MonotonicClock()
        var last = clock.nowNs()
        for _ in 0..<1_000 {
            let now = clock.nowNs()
            #expect(now >= last)
            last = now
        }
    }
}
