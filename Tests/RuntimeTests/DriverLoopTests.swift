import Core
import Dispatch
import Glibc
import Runtime
import Testing
import Wire

@Suite("Driver loop and clock")
struct DriverLoopTests {
    /// Events and timers of the loop's own types, named by short strings.
    static func event(_ text: String) -> DriverEvent {
        .stderrLine(ChildKey(engine: "test", generation: 1), text)
    }

    static func timer(_ number: UInt64) -> DriverTimer { .core(.requestTimeout(RequestID(number))) }

    static func items(_ loop: DriverLoop, count: Int) -> [String] {
        (0..<count).map { _ in
            switch loop.next().item {
            case .event(.stderrLine(_, let text)): "event \(text)"
            case .event(let event): "event \(event)"
            case .timer(.core(.requestTimeout(let id))): "timer \(id.value)"
            case .timer(let timer): "timer \(timer)"
            case .readable(let fd): "readable \(fd)"
            case .stopped: "stopped"
            }
        }
    }

    @Test("due timers come in deadline order, ties by arming order, before later events")
    func ordering() {
        let loop = DriverLoop(clock: MonotonicClock())
        loop.armTimer(Self.timer(1), atMs: 0)
        loop.armTimer(Self.timer(2), atMs: 0)
        loop.armTimer(Self.timer(3), atMs: 0)
        loop.cancelTimer(Self.timer(3))
        loop.inbox.post(Self.event("a"))
        loop.inbox.post(Self.event("b"))
        #expect(Self.items(loop, count: 4) == ["timer 1", "timer 2", "event a", "event b"])
        #expect(loop.armedTimerCount == 0)
    }

    @Test("re-arming replaces the deadline; a timer far in the future does not fire before an event")
    func rearm() {
        let loop = DriverLoop(clock: MonotonicClock())
        loop.armTimer(Self.timer(1), atMs: 0)
        loop.armTimer(Self.timer(1), atMs: UInt64.max / 4)
        loop.inbox.post(Self.event("x"))
        #expect(Self.items(loop, count: 1) == ["event x"])
        #expect(loop.armedTimerCount == 1)
    }

    @Test("a blocked next() wakes for an event from another thread and for a deadline")
    func wakeUps() {
        let loop = DriverLoop(clock: MonotonicClock())
        let inbox = loop.inbox
        DispatchQueue.global().async { inbox.post(Self.event("from afar")) }
        #expect(Self.items(loop, count: 1) == ["event from afar"])
        let deadline = loop.clock.nowMs() + 5
        loop.armTimer(Self.timer(7), atMs: deadline)
        let (nowMs, item) = loop.next()
        if case .timer(Self.timer(7)) = item {} else { Issue.record("expected the timer, got \(item)") }
        #expect(nowMs >= deadline)
    }

    @Test("a blocked next() with only a far-future timer still wakes for an event")
    func farFutureTimer() {
        let loop = DriverLoop(clock: MonotonicClock())
        loop.armTimer(Self.timer(9), atMs: UInt64.max - 1)
        let inbox = loop.inbox
        DispatchQueue.global().async { inbox.post(Self.event("late")) }
        #expect(Self.items(loop, count: 1) == ["event late"])
    }

    @Test("a full inbox refuses tryPost; stop ends the loop")
    func capacityAndStop() {
        let loop = DriverLoop(clock: MonotonicClock(), capacity: 2)
        #expect(loop.inbox.tryPost(Self.event("1")))
        #expect(loop.inbox.tryPost(Self.event("2")))
        #expect(!loop.inbox.tryPost(Self.event("3")))
        #expect(Self.items(loop, count: 1) == ["event 1"])
        #expect(loop.inbox.tryPost(Self.event("3")))
        loop.inbox.stop()
        #expect(Self.items(loop, count: 1) == ["stopped"])
        #expect(!loop.inbox.post(Self.event("4")))
    }

    @Test("posts while the loop works write no wake byte; a post while it waits writes one")
    func wakeBytesOnlyWhileWaiting() {
        let loop = DriverLoop(clock: MonotonicClock())
        let inbox = loop.inbox
        inbox.post(Self.event("a"))
        #expect(Self.items(loop, count: 1) == ["event a"])
        inbox.post(Self.event("b"))
        inbox.post(Self.event("c"))
        #expect(Self.items(loop, count: 2) == ["event b", "event c"])
        #expect(inbox.wakeBytesWritten == 0)
        DispatchQueue.global().async {
            while !inbox.isLoopWaiting { sched_yield() }
            inbox.post(Self.event("d"))
        }
        #expect(Self.items(loop, count: 1) == ["event d"])
        #expect(inbox.wakeBytesWritten == 1)
        inbox.stop()
        #expect(Self.items(loop, count: 1) == ["stopped"])
        #expect(inbox.wakeBytesWritten == 1)
    }

    /// A pipe with a non-blocking, close-on-exec read end, as `(read, write)`.
    static func pipePair() -> (read: Int32, write: Int32) {
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK)
        return (fds[0], fds[1])
    }

    static func put(_ fd: Int32, _ text: String) {
        #expect(Array(text.utf8).withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == text.utf8.count)
    }

    @Test("a watched descriptor is readable until read and at end of file, and comes before waiting events")
    func watchedDescriptor() {
        let loop = DriverLoop(clock: MonotonicClock())
        let pipe = Self.pipePair()
        defer { close(pipe.read) }
        loop.inbox.post(Self.event("stderr 1"))
        loop.inbox.post(Self.event("stderr 2"))
        Self.put(pipe.write, "x")
        loop.watch(pipe.read)
        // Events waiting make the loop poll first (never polled yet): the reply is not held behind them.
        #expect(Self.items(loop, count: 1) == ["readable \(pipe.read)"])
        var byte: UInt8 = 0
        #expect(read(pipe.read, &byte, 1) == 1)
        #expect(Self.items(loop, count: 2) == ["event stderr 1", "event stderr 2"])
        Self.put(pipe.write, "y")
        #expect(Self.items(loop, count: 2) == ["readable \(pipe.read)", "readable \(pipe.read)"])
        #expect(read(pipe.read, &byte, 1) == 1)
        loop.inbox.post(Self.event("after"))
        #expect(Self.items(loop, count: 1) == ["event after"])
        close(pipe.write)
        #expect(Self.items(loop, count: 1) == ["readable \(pipe.read)"])
        loop.unwatch(pipe.read)
    }

    @Test("a due timer comes before a descriptor seen ready after its deadline")
    func timerBeforeDescriptor() {
        let loop = DriverLoop(clock: MonotonicClock())
        let pipe = Self.pipePair()
        defer { close(pipe.read); close(pipe.write) }
        loop.armTimer(Self.timer(1), atMs: 0)
        Self.put(pipe.write, "x")
        loop.watch(pipe.read)
        #expect(Self.items(loop, count: 2) == ["timer 1", "readable \(pipe.read)"])
        loop.unwatch(pipe.read)
    }

    @Test("unwatching forgets a readiness the loop saw but did not hand out yet")
    func unwatchForgets() {
        let loop = DriverLoop(clock: MonotonicClock())
        let first = Self.pipePair()
        let second = Self.pipePair()
        defer { for fd in [first.read, first.write, second.read, second.write] { close(fd) } }
        Self.put(first.write, "1")
        Self.put(second.write, "2")
        loop.watch(first.read)
        loop.watch(second.read)
        #expect(Self.items(loop, count: 1) == ["readable \(first.read)"])
        loop.unwatch(second.read)
        loop.unwatch(first.read)
        loop.inbox.post(Self.event("end"))
        #expect(Self.items(loop, count: 1) == ["event end"])
    }

    @Test("posts from four threads all arrive, each thread's in order (one wake byte per wake-up)")
    func manyPosters() {
        let loop = DriverLoop(clock: MonotonicClock(), capacity: 64)
        let inbox = loop.inbox
        let perThread = 2_000
        DispatchQueue.global().async {
            DispatchQueue.concurrentPerform(iterations: 4) { thread in
                for index in 0..<perThread { inbox.post(Self.event("\(thread) \(index)")) }
            }
        }
        // A bound instead of a hang, should a wake-up ever be lost.
        loop.armTimer(Self.timer(0), atMs: loop.clock.nowMs() + UInt64(Fixture.waitMs))
        var next = [Int](repeating: 0, count: 4)
        for _ in 0..<(4 * perThread) {
            guard case .event(.stderrLine(_, let event)) = loop.next().item else {
                Issue.record("woke without the event after \(next)")
                return
            }
            let parts = event.split(separator: " ").compactMap { Int($0) }
            #expect(parts.count == 2 && parts[1] == next[parts[0]], "\(event)")
            next[parts[0]] += 1
        }
        #expect(next == [perThread, perThread, perThread, perThread])
    }

    @Test("arming, re-arming and cancelling many timers: they fire by deadline, then arming order", arguments: [1, 2, 3])
    func manyTimers(seed: UInt64) {
        let loop = DriverLoop(clock: MonotonicClock())
        var generator = SeededGenerator(seed: seed)
        let baseMs = loop.clock.nowMs()
        // The reference: the latest arming of each live timer, as (deadline, arming order).
        var armed: [UInt64: (deadlineMs: UInt64, order: Int)] = [:]
        for order in 0..<600 {
            let number = generator.below(UInt64(150))
            if generator.below(UInt64(4)) == 0 {
                loop.cancelTimer(Self.timer(number))
                armed[number] = nil
            } else {
                let deadlineMs = baseMs + generator.below(UInt64(20))
                loop.armTimer(Self.timer(number), atMs: deadlineMs)
                armed[number] = (deadlineMs, order)
            }
        }
        let expected = armed.sorted { ($0.value.deadlineMs, $0.value.order) < ($1.value.deadlineMs, $1.value.order) }
            .map { "timer \($0.key)" }
        #expect(loop.armedTimerCount == armed.count)
        #expect(Self.items(loop, count: expected.count) == expected, "seed \(seed)")
        #expect(loop.armedTimerCount == 0)
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
