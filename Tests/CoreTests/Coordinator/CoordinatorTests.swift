import Core
import Testing

@Suite("Coordinator: end to end")
struct CoordinatorTests {
    static let a: EngineID = "a"

    private func transcribeRequests(_ actions: [CoordinatorAction]) -> [RequestID] {
        actions.compactMap { if case .send(Self.a, .transcribe(let id, _)) = $0 { id } else { nil } }
    }

    private func jobEvents(_ harness: Harness, _ job: TaskID) -> [String] {
        harness.coordinator.events.replay(job: job, after: nil).map(\.kind.name)
    }

    private func submit(_ harness: inout Harness, _ spec: TaskSpec) -> TaskID {
        guard case .reply(.submitted(let id, _)) = harness.client(.submit(spec)).first else {
            Issue.record("not submitted")
            return TaskID(0)
        }
        return id
    }

    @Test("a task submitted before the engine is up runs once it is Ready")
    func happyPath() {
        var harness = Harness(engines: [Fixture.engine("a")])
        let job = submit(&harness, Fixture.task("/a.wav"))
        harness.bringUp(Self.a, pid: 100)
        let requests = transcribeRequests(harness.takeActions())
        #expect(requests == [RequestID(3)])
        harness.send(.engineMessage(Self.a, .progress(RequestID(3), fractionPermille: 500, stage: "decode")))
        harness.send(.engineMessage(Self.a, .draft(RequestID(3), seq: 1, Fixture.segment(0, "hel"))))
        harness.send(.engineMessage(Self.a, .response(RequestID(3), .success(Fixture.transcript()))))
        #expect(harness.coordinator.taskState(job) == .completed)
        #expect(jobEvents(harness, job) == [
            "task.queued", "task.started", "progress.overall", "subtitle.draft", "task.engine_result", "task.completed",
        ])
    }

    @Test("an engine crash mid-request re-queues it; it completes on the restarted engine")
    func crashRequeue() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.bringUp(Self.a, pid: 100)
        let job = submit(&harness, Fixture.task("/a.wav"))
        harness.send(.processExited(Self.a, pid: ProcessID(100), .signaled(signal: 11)))
        #expect(harness.coordinator.taskState(job) == .pending)
        harness.advance(to: 1_000)
        _ = harness.takeActions()
        harness.send(.processSpawned(Self.a, pid: ProcessID(101)))
        harness.answerHandshake(Self.a)
        let requests = transcribeRequests(harness.takeActions())
        #expect(requests.count == 1)
        harness.send(.engineMessage(Self.a, .response(requests[0], .success(Fixture.transcript()))))
        #expect(harness.coordinator.taskState(job) == .completed)
        #expect(jobEvents(harness, job) == [
            "task.queued", "task.started", "signal.task.requeued", "signal.engine.crashed",
            "signal.engine.restarting", "task.started", "task.engine_result", "task.completed",
        ])
    }

    @Test("a request that kills its engine three times is quarantined as poison")
    func poison() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.bringUp(Self.a, pid: 100)
        let job = submit(&harness, Fixture.task("/poison.wav"))
        for pid in Int32(100)...102 {
            harness.send(.processExited(Self.a, pid: ProcessID(pid), .signaled(signal: 6)))
            guard case .backingOff(let restartAt, _) = harness.state(Self.a) else { Issue.record("no backoff"); return }
            harness.advance(to: restartAt)
            if pid < 102 {
                harness.send(.processSpawned(Self.a, pid: ProcessID(pid + 1)))
                harness.answerHandshake(Self.a)
            }
        }
        guard case .failed(let error) = harness.coordinator.taskState(job) else {
            Issue.record("not failed: \(String(describing: harness.coordinator.taskState(job)))")
            return
        }
        #expect(error.code == .quarantined)
        #expect(jobEvents(harness, job).suffix(3) == ["signal.task.quarantined", "task.engine_failed", "task.failed"])
    }

    @Test("a task deadline fails a queued task at 5 000 ms, not 4 999")
    func deadline() {
        var harness = Harness(engines: [Fixture.engine("a")])
        let job = submit(&harness, Fixture.task("/a.wav") { $0.deadlineMs = 5_000 })
        harness.advance(to: 4_999)
        #expect(harness.coordinator.taskState(job) == .pending)
        harness.advance(to: 5_000)
        #expect(harness.coordinator.taskState(job) == .failed(CoreError(.deadlineExceeded, "task-1")))
    }

    @Test("a per-request timeout fires at 7 000 ms after dispatch, not 6 999, and cancels the request")
    func requestTimeout() {
        var harness = Harness(engines: [Fixture.engine("a") { $0.health.probeIntervalMs = 1_000_000 }])
        harness.bringUp(Self.a, pid: 100)
        harness.advance(to: 1_000)
        let job = submit(&harness, Fixture.task("/a.wav") { $0.requestTimeoutMs = 7_000 })
        let request = transcribeRequests(harness.takeActions())[0]
        harness.advance(to: 7_999)
        #expect(harness.takeEffects() == [])
        harness.advance(to: 8_000)
        #expect(harness.takeEffects() == [.send(Self.a, .cancel(target: request))])
        guard case .failed(let error) = harness.coordinator.taskState(job) else { Issue.record("not failed"); return }
        #expect(error.code == .requestTimeout)
    }

    @Test("durations near the end of time give deadlines of .max instead of trapping")
    func hugeDurations() {
        let huge = UInt64.max - 10
        var harness = Harness(engines: [Fixture.engine("a") {
            $0.health.probeIntervalMs = huge
            $0.health.probeTimeoutMs = huge
            $0.stop.stopRequestGraceMs = huge
        }])
        harness.bringUp(Self.a, pid: 100)
        harness.advance(to: 1_000)
        let job = submit(&harness, Fixture.task("/a.wav") { $0.requestTimeoutMs = huge })
        let actions = harness.takeActions()
        #expect(transcribeRequests(actions).count == 1)
        #expect(actions.contains { if case .armTimer(_, atMs: .max) = $0 { true } else { false } })
        harness.advance(to: 1_000_000)
        #expect(harness.coordinator.taskState(job) != .failed(CoreError(.requestTimeout, "task-1")))
        harness.client(.stopEngine(Self.a))
        #expect(harness.coordinator.checkInvariants() == [])
    }

    @Test("an engine that fails for good fails the tasks pinned to it with engine_lost")
    func pinnedToFailedEngine() {
        var harness = Harness(engines: [Fixture.engine("a") { $0.restart.restartsMax = 0 }])
        let job = submit(&harness, Fixture.task("/a.wav", engines: [Self.a]))
        harness.client(.startEngine(Self.a))
        harness.send(.spawnFailed(Self.a, reason: "ENOENT"))
        guard case .failed(let error) = harness.coordinator.taskState(job) else { Issue.record("not failed"); return }
        #expect(error.code == .engineLost)
    }

    @Test("stopping an engine re-queues its running work without counting an attempt")
    func stopRequeues() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.bringUp(Self.a, pid: 100)
        let job = submit(&harness, Fixture.task("/a.wav"))
        harness.client(.stopEngine(Self.a))
        #expect(harness.coordinator.taskState(job) == .pending)
        #expect(harness.coordinator.task(job)!.lanes[0].attemptsFailed == 0)
        harness.send(.processExited(Self.a, pid: ProcessID(100), .exited(code: 0)))
        harness.bringUp(Self.a, pid: 101)
        #expect(transcribeRequests(harness.takeActions()).count == 2)
    }

    @Test("a reconnecting client gets exactly the missed events, or history.truncated first")
    func replay() {
        var harness = Harness(engines: [Fixture.engine("a")], historyMax: 3)
        harness.bringUp(Self.a, pid: 100)
        let job = submit(&harness, Fixture.task("/a.wav"))
        let all = harness.coordinator.events.replay(job: job, after: nil)
        #expect(all.map(\.kind.name) == ["task.queued", "task.started"])
        for permille in [100, 200, 300] as [UInt32] {
            harness.send(.engineMessage(Self.a, .progress(RequestID(3), fractionPermille: permille, stage: "")))
        }
        _ = harness.takeActions()
        guard case .reply(.replay(_, let missed)) = harness.client(.replay(job: job, after: all[1].id)).first else {
            Issue.record("no replay")
            return
        }
        #expect(missed.map(\.kind) == [.progressOverall(permille: 100), .progressOverall(permille: 200), .progressOverall(permille: 300)])
        guard case .reply(.replay(_, let truncated)) = harness.client(.replay(job: job, after: all[0].id)).first else {
            Issue.record("no replay")
            return
        }
        #expect(truncated.map(\.kind.name) == ["history.truncated", "progress.overall", "progress.overall", "progress.overall"])
    }

    @Test("firings of timers that are not armed are ignored")
    func staleTimer() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.bringUp(Self.a, pid: 100)
        _ = harness.takeActions()
        #expect(harness.send(.timerFired(.engine(Self.a, .restart))) == [])
        #expect(harness.send(.timerFired(.requestTimeout(RequestID(77)))) == [])
    }

    @Test("tick fires every due timer in order")
    func tick() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.bringUp(Self.a, pid: 100)
        _ = harness.takeActions()
        #expect(harness.coordinator.handle(.tick, now: 29_999) == [])
        let actions = harness.coordinator.handle(.tick, now: 30_000)
        let sent = actions.compactMap { if case .send(_, let request) = $0 { request } else { nil } }
        #expect(sent == [.healthCheck(id: RequestID(3))])
        let later = harness.coordinator.handle(.tick, now: 35_000)
        #expect(later.contains { if case .emit(let event) = $0 { event.kind.name == "signal.engine.unhealthy" } else { false } })
    }

    @Test("the same inputs give the same actions (jittered policy, seeded)", arguments: [1, 2, 3] as [UInt64])
    func deterministic(seed: UInt64) {
        func run() -> [CoordinatorAction] {
            var configuration = CoordinatorConfiguration(engines: [Fixture.engine("a") { $0.restart.jitterPermille = 300 }])
            configuration.seed = seed
            var harness = Harness(configuration: configuration)
            harness.bringUp(Self.a, pid: 100)
            _ = submit(&harness, Fixture.task("/a.wav"))
            for pid in Int32(100)...104 {
                harness.send(.processExited(Self.a, pid: ProcessID(pid), .signaled(signal: 11)))
                guard case .backingOff(let restartAt, _) = harness.state(Self.a) else { return [] }
                harness.advance(to: restartAt)
                harness.send(.processSpawned(Self.a, pid: ProcessID(pid + 1)))
            }
            return harness.takeActions()
        }
        #expect(run() == run(), "seed \(seed)")
    }

    @Test("replies, progress and drafts for another engine's request are ignored")
    func wrongEngine() {
        var harness = Harness(engines: [Fixture.engine("a"), Fixture.engine("b")])
        harness.bringUp("a", pid: 100)
        harness.bringUp("b", pid: 200)
        let job = submit(&harness, Fixture.task("/a.wav", engines: [Self.a]))
        let request = transcribeRequests(harness.takeActions())[0]
        harness.send(.engineMessage("b", .progress(request, fractionPermille: 500, stage: "")))
        harness.send(.engineMessage("b", .response(request, .success(Fixture.transcript()))))
        #expect(harness.coordinator.taskState(job) == .running(engines: [Self.a], progressPermille: 0))
    }

    @Test("submitting to a Failed engine is rejected with engine_lost")
    func submitToFailed() {
        var harness = Harness(engines: [Fixture.engine("a") { $0.restart.restartsMax = 0 }])
        harness.client(.startEngine(Self.a))
        harness.send(.spawnFailed(Self.a, reason: "ENOENT"))
        guard case .reply(.rejected(let error)) = harness.client(.submit(Fixture.task("/a.wav", engines: [Self.a]))).first
        else { Issue.record("accepted"); return }
        #expect(error.code == .engineLost)
    }

    @Test("jobs running on an unhealthy engine hear of the teardown, crash and restart")
    func healthTeardownSignals() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.bringUp(Self.a, pid: 100)
        let job = submit(&harness, Fixture.task("/a.wav"))
        harness.advance(to: 95_000)
        harness.send(.processExited(Self.a, pid: ProcessID(100), .signaled(signal: 15)))
        #expect(jobEvents(harness, job) == [
            "task.queued", "task.started", "signal.task.requeued", "signal.engine.stopping",
            "signal.engine.crashed", "signal.engine.restarting",
        ])
        #expect(harness.coordinator.task(job)!.lanes[0].failureReasons == ["engine a torn down: health_failure"])
    }

    @Test("start-all and stop-all list the engines they applied to")
    func allEngines() {
        var harness = Harness(engines: [Fixture.engine("b"), Fixture.engine("a")])
        harness.client(.startEngine("b"))
        #expect(harness.client(.startAllEngines).first == .reply(.engineCommandAccepted([Self.a])))
        #expect(harness.client(.stopAllEngines).first == .reply(.engineCommandAccepted([Self.a, "b"])))
    }

    @Test("a cancelled request holds its slot until 2 000 ms after the cancel, not 1 999")
    func cancelGrace() {
        var harness = Harness(engines: [Fixture.engine("a") { $0.requestsInFlightMax = 1; $0.health.probeIntervalMs = 1_000_000 }])
        harness.bringUp(Self.a, pid: 100, maxConcurrentRequests: 1)
        let first = submit(&harness, Fixture.task("/a.wav"))
        _ = submit(&harness, Fixture.task("/b.wav"))
        _ = harness.takeActions()
        harness.client(.cancel(first))
        #expect(harness.takeEffects() == [.reply(.cancelled(first)), .send(Self.a, .cancel(target: RequestID(3)))])
        harness.advance(to: 1_999)
        #expect(harness.takeEffects() == [])
        harness.advance(to: 2_000)
        #expect(transcribeRequests(harness.takeActions()) == [RequestID(4)])
    }
}
