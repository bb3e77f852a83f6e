import Core
import Testing

@Suite("Scheduler: ordering, dependencies and idempotency")
struct SchedulerOrderTests {
    @Test("higher priority first, then submission order")
    func priorities() {
        var driver = SchedulerDriver(concurrency: 1)
        let low = driver.submit(Fixture.task("low", .low))
        let normal = driver.submit(Fixture.task("normal", .normal))
        let critical = driver.submit(Fixture.task("critical", .critical))
        let high = driver.submit(Fixture.task("high", .high))
        let normal2 = driver.submit(Fixture.task("normal2", .normal))
        #expect(driver.drain() == [critical, high, normal, normal2, low])
    }

    @Test("equal effective priority runs the earliest deadline first; no deadline last")
    func deadlines() {
        var driver = SchedulerDriver(concurrency: 1)
        let late = driver.submit(Fixture.task("late") { $0.deadlineMs = 5_000 })
        let none = driver.submit(Fixture.task("none"))
        let early = driver.submit(Fixture.task("early") { $0.deadlineMs = 3_000 })
        let middle = driver.submit(Fixture.task("middle") { $0.deadlineMs = 4_000 })
        #expect(driver.drain() == [early, middle, late, none])
    }

    @Test("a dependent waits for its dependency and runs after it completes")
    func dependencyWaits() {
        var driver = SchedulerDriver(concurrency: 4)
        let first = driver.submit(Fixture.task("a"))
        let second = driver.submit(Fixture.task("b") { $0.dependencies = [first] })
        let started = driver.dispatch()
        #expect(started.map(\.task) == [first])
        #expect(driver.state(second) == .pending)
        driver.complete(started[0].request)
        #expect(driver.dispatch().map(\.task) == [second])
    }

    @Test("a failed dependency fails its dependents transitively with dependency_failed")
    func dependencyFails() {
        var driver = SchedulerDriver(concurrency: 4)
        let first = driver.submit(Fixture.task("a"))
        let second = driver.submit(Fixture.task("b") { $0.dependencies = [first] })
        let third = driver.submit(Fixture.task("c") { $0.dependencies = [second] })
        let started = driver.dispatch()
        driver.fail(started[0].request, code: -32010)
        guard case .failed(let error) = driver.state(first) else { Issue.record("first not failed"); return }
        #expect(error.code == .engineError && error.engineCode == -32010)
        #expect(driver.state(second) == .failed(CoreError(.dependencyFailed, "task-1 did not complete")))
        #expect(driver.state(third) == .failed(CoreError(.dependencyFailed, "task-2 did not complete")))
        #expect(driver.eventNames(third) == ["task.queued", "task.failed"])
    }

    @Test("a cancelled dependency fails its dependents too")
    func dependencyCancelled() {
        var driver = SchedulerDriver(concurrency: 4)
        let first = driver.submit(Fixture.task("a"))
        let second = driver.submit(Fixture.task("b") { $0.dependencies = [first] })
        #expect(driver.cancel(first) == nil)
        guard case .failed(let error) = driver.state(second) else { Issue.record("not failed"); return }
        #expect(error.code == .dependencyFailed)
    }

    @Test("unknown and already-failed dependencies are rejected at submit")
    func dependencyRejected() {
        var driver = SchedulerDriver(concurrency: 1)
        #expect(driver.submitError(Fixture.task("x") { $0.dependencies = [TaskID(99)] }) == .unknownDependency)
        let first = driver.submit(Fixture.task("a"))
        _ = driver.cancel(first)
        #expect(driver.submitError(Fixture.task("x") { $0.dependencies = [first] }) == .dependencyFailed)
    }

    @Test("resubmitting with an idempotency key returns the same task, even after it finished")
    func idempotency() throws {
        var driver = SchedulerDriver(concurrency: 1)
        let spec = Fixture.task("a") { $0.idempotencyKey = "job-42" }
        let first = try driver.scheduler.submit(spec, now: 0)
        let again = try driver.scheduler.submit(spec, now: 5)
        #expect(first.deduplicated == false)
        #expect(again.id == first.id && again.deduplicated && again.outputs == [])
        _ = driver.drain()
        #expect(try driver.scheduler.submit(spec, now: 10).id == first.id)
        #expect(try driver.scheduler.submit(Fixture.task("a") { $0.idempotencyKey = "other" }, now: 10).id != first.id)
    }

    @Test("any-engine tasks go to the least loaded engine, ties by engine id")
    func anyEngine() {
        var driver = SchedulerDriver(engines: [
            EngineSlot(id: "b", acceptsWork: true, requestsInFlightMax: 2),
            EngineSlot(id: "a", acceptsWork: true, requestsInFlightMax: 2),
        ])
        for index in 0..<3 { driver.submit(Fixture.task("t\(index)")) }
        #expect(driver.dispatch().map(\.engine) == ["a", "b", "a"])
    }

    @Test("pinned tasks wait for their engine; other engines keep working")
    func pinned() {
        var driver = SchedulerDriver(engines: [
            EngineSlot(id: "a", acceptsWork: false, requestsInFlightMax: 1),
            EngineSlot(id: "b", acceptsWork: true, requestsInFlightMax: 1),
        ])
        let onA = driver.submit(Fixture.task("x", .critical, engines: ["a"]))
        let anywhere = driver.submit(Fixture.task("y", .low))
        #expect(driver.dispatch().map(\.task) == [anywhere])
        driver.slots[0].acceptsWork = true
        #expect(driver.dispatch().map(\.task) == [onA])
    }
}
