import Core
import Testing

@Suite("Scheduler: request-level supervision")
struct RequestSupervisionTests {
    @Test("an engine dying mid-request re-queues it with its attempt count")
    func requeue() {
        var driver = SchedulerDriver(concurrency: 1)
        let task = driver.submit(Fixture.task("a"))
        _ = driver.dispatch()
        driver.lose("a", reason: "engine a exited: signal 11")
        #expect(driver.state(task) == .pending)
        #expect(driver.scheduler.task(task)!.lanes[0].attemptsFailed == 1)
        #expect(driver.eventNames(task) == ["task.queued", "task.started", "signal.task.requeued"])
        let again = driver.dispatch()
        driver.complete(again[0].request)
        #expect(driver.state(task) == .completed)
        #expect(driver.scheduler.task(task)!.lanes[0].dispatches == 2)
    }

    @Test("after attemptsMax deaths the request is quarantined as poison, with every reason")
    func quarantine() {
        var driver = SchedulerDriver(concurrency: 1)
        let task = driver.submit(Fixture.task("poison"))
        for attempt in 1...3 {
            _ = driver.dispatch()
            driver.lose("a", reason: "crash \(attempt)")
        }
        #expect(driver.state(task) == .failed(CoreError(.quarantined, "crash 1; crash 2; crash 3")))
        #expect(driver.outputs.contains(.event(task, .taskQuarantined(engine: "a", reasons: ["crash 1", "crash 2", "crash 3"]))))
        #expect(driver.dispatch().isEmpty)
    }

    @Test("a requested stop re-queues without counting an attempt")
    func stopDoesNotCount() {
        var driver = SchedulerDriver(concurrency: 1)
        let task = driver.submit(Fixture.task("a"))
        for _ in 1...5 {
            _ = driver.dispatch()
            driver.lose("a", countsAttempt: false, reason: "stop")
        }
        #expect(driver.state(task) == .pending)
        #expect(driver.scheduler.task(task)!.lanes[0].attemptsFailed == 0)
    }

    @Test("busy, shutting_down and request_cancelled replies re-queue without counting",
          arguments: [-32020, -32030, -32800])
    func retryable(code: Int) {
        var driver = SchedulerDriver(concurrency: 1)
        let task = driver.submit(Fixture.task("a"))
        driver.fail(driver.dispatch()[0].request, code: code)
        #expect(driver.state(task) == .pending)
        #expect(driver.scheduler.task(task)!.lanes[0].attemptsFailed == 0)
    }

    @Test("retryable replies re-queue at most retriesMax times, then the lane fails with the engine error")
    func retriesBounded() {
        var configuration = SchedulerConfiguration()
        configuration.retriesMax = 2
        var driver = SchedulerDriver(configuration, concurrency: 1)
        let task = driver.submit(Fixture.task("a"))
        for _ in 0..<3 { driver.fail(driver.dispatch()[0].request, code: -32020) }
        guard case .failed(let error) = driver.state(task) else { Issue.record("not failed"); return }
        #expect(error.code == .engineError && error.engineCode == -32020)
    }

    @Test("a multi-engine task with one engine failing completes with the other's result")
    func multiEngine() {
        var driver = SchedulerDriver(engines: [
            EngineSlot(id: "a", acceptsWork: true, requestsInFlightMax: 1),
            EngineSlot(id: "b", acceptsWork: true, requestsInFlightMax: 1),
        ])
        let task = driver.submit(Fixture.task("x", engines: ["a", "b"]))
        let started = driver.dispatch()
        #expect(started.map(\.engine) == ["a", "b"])
        driver.fail(started[0].request, code: -32011)
        #expect(driver.state(task) == .running(engines: ["b"], progressPermille: 500))
        driver.complete(started[1].request)
        #expect(driver.state(task) == .completed)
        #expect(driver.eventNames(task) == [
            "task.queued", "task.started", "task.started", "task.engine_failed", "progress.overall",
            "task.engine_result", "task.completed",
        ])
    }

    @Test("a multi-engine task fails when every engine fails, with the first failure")
    func multiEngineAllFail() {
        var driver = SchedulerDriver(engines: [
            EngineSlot(id: "a", acceptsWork: true, requestsInFlightMax: 1),
            EngineSlot(id: "b", acceptsWork: true, requestsInFlightMax: 1),
        ])
        let task = driver.submit(Fixture.task("x", engines: ["a", "b"]))
        let started = driver.dispatch()
        driver.fail(started[1].request, code: -32012)
        driver.fail(started[0].request, code: -32011)
        guard case .failed(let error) = driver.state(task) else { Issue.record("not failed"); return }
        #expect(error.engineCode == -32011)
    }

    @Test("a request timeout cancels the request and fails that lane")
    func requestTimeout() {
        var driver = SchedulerDriver(concurrency: 1)
        let task = driver.submit(Fixture.task("a") { $0.requestTimeoutMs = 7_000 })
        let request = driver.dispatch()[0].request
        #expect(driver.outputs.contains(.armTimer(.requestTimeout(request), atMs: 7_000)))
        driver.now = 7_000
        driver.fire(.requestTimeout(request))
        #expect(driver.state(task) == .failed(CoreError(.requestTimeout, "a #1")))
        #expect(driver.outputs.contains(.send("a", .cancel(target: request))))
    }

    @Test("lanes pinned to an engine that failed for good fail with engine_lost")
    func pinnedToFailedEngine() {
        var driver = SchedulerDriver(engines: [EngineSlot(id: "a", acceptsWork: false, requestsInFlightMax: 1)])
        let task = driver.submit(Fixture.task("x", engines: ["a"]))
        let new = driver.scheduler.failLanesPinned(to: "a", now: 0)
        #expect(new.last == .event(task, .taskFailed(CoreError(.engineLost, "a failed"))))
    }

    @Test("drafts: a new segment id is subtitle.draft, a repeated one subtitle.overwrite; progress only rises")
    func draftsAndProgress() {
        var driver = SchedulerDriver(concurrency: 1)
        let task = driver.submit(Fixture.task("a"))
        let request = driver.dispatch()[0].request
        let outputs = driver.scheduler.draft(request, seq: 1, segment: Fixture.segment(0, "hel"), now: 0)
            + driver.scheduler.draft(request, seq: 2, segment: Fixture.segment(0, "hello"), now: 0)
            + driver.scheduler.draft(request, seq: 3, segment: Fixture.segment(1, "world"), now: 0)
            + driver.scheduler.progress(request, permille: 400, now: 0)
            + driver.scheduler.progress(request, permille: 300, now: 0)
            + driver.scheduler.progress(request, permille: 500, now: 0)
        #expect(outputs == [
            .event(task, .subtitleDraft(engine: "a", seq: 1, Fixture.segment(0, "hel"))),
            .event(task, .subtitleOverwrite(engine: "a", seq: 2, Fixture.segment(0, "hello"))),
            .event(task, .subtitleDraft(engine: "a", seq: 3, Fixture.segment(1, "world"))),
            .event(task, .progressOverall(permille: 400)),
            .event(task, .progressOverall(permille: 500)),
        ])
    }

    @Test("draft segment ids per attempt and engine messages are bounded")
    func bounds() {
        var configuration = SchedulerConfiguration()
        configuration.draftSegmentsMax = 2
        configuration.engineMessageBytesMax = 4
        var driver = SchedulerDriver(configuration, concurrency: 1)
        let task = driver.submit(Fixture.task("a"))
        let request = driver.dispatch()[0].request
        let drafts = (0..<3).flatMap { driver.scheduler.draft(request, seq: UInt64($0 + 1), segment: Fixture.segment($0, "x"), now: 0) }
            + driver.scheduler.draft(request, seq: 4, segment: Fixture.segment(1, "y"), now: 0)
        #expect(drafts.map { if case .event(_, let kind) = $0 { kind.name } else { "" } }
            == ["subtitle.draft", "subtitle.draft", "subtitle.overwrite"])
        let error = EngineErrorObject(code: -32010, message: "abcdefgh")
        _ = driver.scheduler.reply(to: request, .failure(error), now: 0)
        #expect(driver.state(task) == .failed(CoreError(.engineError, "a: abcd", engineCode: -32010)))
    }
}
