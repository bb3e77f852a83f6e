import Core
import Testing

@Suite("Scheduler: limits, budgets, bounded queue and cancellation")
struct SchedulerLimitTests {
    @Test("the global in-flight limit caps dispatch across engines")
    func globalLimit() {
        var configuration = SchedulerConfiguration()
        configuration.requestsInFlightMax = 3
        var driver = SchedulerDriver(configuration, engines: [
            EngineSlot(id: "a", acceptsWork: true, requestsInFlightMax: 2),
            EngineSlot(id: "b", acceptsWork: true, requestsInFlightMax: 2),
        ])
        for index in 0..<5 { driver.submit(Fixture.task("t\(index)")) }
        let started = driver.dispatch()
        #expect(started.count == 3)
        #expect(driver.dispatch().isEmpty)
        driver.complete(started[0].request)
        #expect(driver.dispatch().count == 1)
    }

    @Test("the per-engine limit caps each engine")
    func engineLimit() {
        var driver = SchedulerDriver(concurrency: 2)
        for index in 0..<5 { driver.submit(Fixture.task("t\(index)")) }
        #expect(driver.dispatch().count == 2)
        #expect(driver.dispatch().isEmpty)
    }

    @Test("costs count against engine capacity; a lane that does not fit blocks its queue")
    func budget() {
        var driver = SchedulerDriver(engines: [
            EngineSlot(id: "a", acceptsWork: true, requestsInFlightMax: 8, costCapacity: 10),
        ])
        let big = driver.submit(Fixture.task("big", .high) { $0.cost = 6 })
        let big2 = driver.submit(Fixture.task("big2", .high) { $0.cost = 6 })
        let small = driver.submit(Fixture.task("small", .low) { $0.cost = 3 })
        let first = driver.dispatch()
        #expect(first.map(\.task) == [big])
        driver.complete(first[0].request)
        #expect(driver.dispatch().map(\.task) == [big2, small])
        #expect(driver.submitError(Fixture.task("huge") { $0.cost = 11 }) == .costExceedsCapacity)
    }

    @Test("the global cost capacity holds across engines")
    func globalBudget() {
        var configuration = SchedulerConfiguration()
        configuration.costCapacity = 5
        var driver = SchedulerDriver(configuration, engines: [
            EngineSlot(id: "a", acceptsWork: true, requestsInFlightMax: 8),
            EngineSlot(id: "b", acceptsWork: true, requestsInFlightMax: 8),
        ])
        for index in 0..<3 { driver.submit(Fixture.task("t\(index)") { $0.cost = 2 }) }
        #expect(driver.dispatch().count == 2)
        #expect(driver.submitError(Fixture.task("huge") { $0.cost = 6 }) == .costExceedsCapacity)
    }

    @Test("a full queue rejects with queue_full; finishing a task makes room")
    func boundedQueue() {
        var configuration = SchedulerConfiguration()
        configuration.queueCapacity = 2
        var driver = SchedulerDriver(configuration, concurrency: 1)
        let first = driver.submit(Fixture.task("a"))
        driver.submit(Fixture.task("b"))
        #expect(driver.submitError(Fixture.task("c")) == .queueFull)
        _ = driver.cancel(first)
        #expect(driver.submitError(Fixture.task("c")) == nil)
    }

    @Test("unknown engines and duplicate engines are rejected")
    func invalidEngines() {
        var driver = SchedulerDriver(concurrency: 1)
        #expect(driver.submitError(Fixture.task("x", engines: ["zz"])) == .unknownEngine)
        #expect(driver.submitError(Fixture.task("x", engines: ["a", "a"])) == .invalidTask)
    }

    @Test("cancel a waiting task")
    func cancelWaiting() {
        var driver = SchedulerDriver(concurrency: 1)
        let first = driver.submit(Fixture.task("a"))
        let second = driver.submit(Fixture.task("b") { $0.dependencies = [first] })
        #expect(driver.cancel(second) == nil)
        #expect(driver.state(second) == .cancelled)
        #expect(driver.drain() == [first])
    }

    @Test("cancel a queued task: it never runs")
    func cancelQueued() {
        var driver = SchedulerDriver(concurrency: 1)
        let first = driver.submit(Fixture.task("a"))
        let second = driver.submit(Fixture.task("b"))
        #expect(driver.cancel(first) == nil)
        #expect(driver.drain() == [second])
        #expect(driver.eventNames(first) == ["task.queued", "task.cancelled"])
    }

    @Test("cancel a running task: cancel is sent and the slot is held until the final reply")
    func cancelRunning() {
        var driver = SchedulerDriver(concurrency: 1)
        let first = driver.submit(Fixture.task("a"))
        let second = driver.submit(Fixture.task("b"))
        let started = driver.dispatch()
        #expect(driver.cancel(first) == nil)
        #expect(driver.outputs.contains(.send("a", .cancel(target: started[0].request))))
        #expect(driver.dispatch().isEmpty)
        driver.fail(started[0].request, code: -32800)
        #expect(driver.state(first) == .cancelled)
        #expect(driver.dispatch().map(\.task) == [second])
    }

    @Test("a cancelled request's slot is released by the grace timer if no reply comes")
    func cancelGrace() {
        var driver = SchedulerDriver(concurrency: 1)
        let first = driver.submit(Fixture.task("a"))
        driver.submit(Fixture.task("b"))
        let started = driver.dispatch()
        _ = driver.cancel(first)
        #expect(driver.outputs.contains(.armTimer(.cancelGrace(started[0].request), atMs: 2_000)))
        driver.fire(.cancelGrace(started[0].request))
        #expect(driver.dispatch().count == 1)
    }

    @Test("cancelling a finished or unknown task is an error with a code")
    func cancelFinished() {
        var driver = SchedulerDriver(concurrency: 1)
        let first = driver.submit(Fixture.task("a"))
        _ = driver.drain()
        #expect(driver.cancel(first) == .taskFinished)
        #expect(driver.cancel(TaskID(99)) == .unknownTask)
    }

    @Test("finished tasks beyond the retention bound are forgotten, oldest first")
    func retention() {
        var configuration = SchedulerConfiguration()
        configuration.finishedTasksRetainedMax = 2
        var driver = SchedulerDriver(configuration, concurrency: 1)
        let ids = (0..<3).map { driver.submit(Fixture.task("t\($0)")) }
        _ = driver.drain()
        #expect(driver.outputs.contains(.forget(ids[0])))
        #expect(driver.scheduler.task(ids[0]) == nil && driver.scheduler.task(ids[1]) != nil)
    }
}
