import Core
import Testing

/// The starvation bound stated on `DispatchKey`, checked on both sides with s = 1 000 ms.
@Suite("Scheduler: aging bounds starvation")
struct AgingTests {
    private static func configuration(agingStepMs: UInt64) -> SchedulerConfiguration {
        var configuration = SchedulerConfiguration()
        configuration.agingStepMs = agingStepMs
        return configuration
    }

    @Test("a Critical queued at 2 999 ms goes before a Low queued at 0; one queued at 3 000 ms goes after",
          arguments: [(2_999, true), (3_000, false)] as [(UInt64, Bool)])
    func boundary(criticalAtMs: UInt64, criticalFirst: Bool) {
        var driver = SchedulerDriver(Self.configuration(agingStepMs: 1_000), concurrency: 1)
        let low = driver.submit(Fixture.task("low", .low))
        driver.now = criticalAtMs
        let critical = driver.submit(Fixture.task("critical", .critical))
        driver.now = 5_000
        #expect(driver.drain() == (criticalFirst ? [critical, low] : [low, critical]))
    }

    @Test("a Critical with an earlier deadline in the boundary step still goes first; at 4 000 ms never")
    func deadlineInBoundaryStep() {
        var driver = SchedulerDriver(Self.configuration(agingStepMs: 1_000), concurrency: 1)
        let low = driver.submit(Fixture.task("low", .low))
        driver.now = 3_500
        let urgent = driver.submit(Fixture.task("urgent", .critical) { $0.deadlineMs = 100_000 })
        driver.now = 4_000
        let later = driver.submit(Fixture.task("later", .critical) { $0.deadlineMs = 100_000 })
        driver.now = 5_000
        #expect(driver.drain() == [urgent, low, later])
    }

    /// A flood of F = 10 Critical tasks per aging step (one per 100 ms) from 0 to 20 s, one engine with
    /// concurrency 1 that starts at 5 s and takes d = 100 ms per task. The Low task queued at 0 is the
    /// 31st dispatch (K = 4·F = 40 bounds it) at 8 000 ms (T = K·d = 4 000 ms after dispatching starts
    /// bounds the 3 000 ms it waits).
    private func flood(agingStepMs: UInt64) -> (index: Int?, atMs: UInt64?, dispatches: Int) {
        var driver = SchedulerDriver(Self.configuration(agingStepMs: agingStepMs), concurrency: 1)
        var low: TaskID?
        var order: [TaskID] = []
        var lowAt: UInt64?
        var current: RequestID?
        for time in stride(from: UInt64(0), to: 20_000, by: 100) {
            driver.now = time
            driver.submit(Fixture.task("c\(time)", .critical))
            if time == 0 { low = driver.submit(Fixture.task("low", .low)) }
            guard time >= 5_000 else { continue }
            if let request = current { driver.complete(request) }
            current = nil
            if let started = driver.dispatch().first {
                order.append(started.task)
                current = started.request
                if started.task == low { lowAt = time }
            }
        }
        return (order.firstIndex(of: low!), lowAt, order.count)
    }

    @Test("under a Critical flood the Low task is dispatched within K = 40 dispatches and T = 4 000 ms")
    func floodBound() {
        let result = flood(agingStepMs: 1_000)
        #expect(result.index == 30)
        #expect(result.atMs == 8_000)
        #expect(result.index! < 40 && result.atMs! - 5_000 <= 4_000)
    }

    @Test("without aging the same flood starves the Low task")
    func floodWithoutAging() {
        let result = flood(agingStepMs: 1_000_000_000)
        #expect(result.index == nil)
        #expect(result.dispatches == 150)
    }
}
