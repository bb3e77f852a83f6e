import Core
import Testing

@Suite("Engine supervisor: startup stages")
struct StartupTests {
    static let a: EngineID = "a"
    static let spawn = Fixture.engine("a").spawn

    private func stages(_ harness: inout Harness) -> [StartupStage] {
        harness.takeActions().compactMap { action -> StartupStage? in
            if case .emit(let event) = action, case .engine(_, .stage(let stage)) = event.kind { stage } else { nil }
        }
    }

    @Test("dependencies are checked, installed, then the process is spawned and handshakes")
    func fullStartup() {
        var harness = Harness(engines: [Fixture.engine("a") { $0.dependencies = ["model.bin"] }])
        harness.client(.startEngine(Self.a))
        #expect(harness.takeEffects() == [.reply(.engineCommandAccepted([Self.a])), .checkDependencies(Self.a, ["model.bin"])])
        harness.send(.dependenciesChecked(Self.a, missing: ["model.bin"]))
        #expect(harness.takeEffects() == [.installDependencies(Self.a, ["model.bin"])])
        harness.send(.dependenciesInstalled(Self.a, failure: nil))
        #expect(harness.takeEffects() == [.spawn(Self.a, Self.spawn)])
        harness.send(.processSpawned(Self.a, pid: ProcessID(7)))
        #expect(harness.takeEffects() == [.send(Self.a, .initialize(id: RequestID(1), .default))])
        harness.send(.engineMessage(Self.a, .response(RequestID(1), .success(Fixture.initializeResult()))))
        #expect(harness.takeEffects() == [.send(Self.a, .healthCheck(id: RequestID(2)))])
        harness.send(.engineMessage(Self.a, .response(RequestID(2), .success(Fixture.health("ok")))))
        #expect(harness.state(Self.a) == .running(pid: ProcessID(7), startedAtMs: 0, restartCount: 0))
        let names = harness.coordinator.events.replay(job: nil, after: nil).map(\.kind.name)
        #expect(names == [
            "signal.engine.stage", "signal.engine.stage", "signal.engine.stage", "signal.engine.stage",
            "signal.engine.ready",
        ])
    }

    @Test("present dependencies skip installation")
    func dependenciesPresent() {
        var harness = Harness(engines: [Fixture.engine("a") { $0.dependencies = ["model.bin"] }])
        harness.client(.startEngine(Self.a))
        harness.send(.dependenciesChecked(Self.a, missing: []))
        #expect(stages(&harness) == [.checkingDependencies, .spawningProcess])
    }

    @Test("missing dependencies without installation fail the start as dependency_failure")
    func dependenciesNotInstallable() {
        var harness = Harness(engines: [Fixture.engine("a") {
            $0.dependencies = ["model.bin"]
            $0.installsMissingDependencies = false
        }])
        harness.client(.startEngine(Self.a))
        harness.send(.dependenciesChecked(Self.a, missing: ["model.bin"]))
        #expect(harness.state(Self.a) == .backingOff(restartAtMs: 1_000, restartCount: 1))
    }

    @Test("each stage has its own timeout: both sides of it", arguments: [
        (StartupStage.checkingDependencies, 30_000), (.installingDependencies, 600_000), (.spawningProcess, 10_000),
    ] as [(StartupStage, UInt64)])
    func stageTimeouts(stage: StartupStage, timeoutMs: UInt64) {
        var harness = Harness(engines: [Fixture.engine("a") { $0.dependencies = ["model.bin"] }])
        harness.client(.startEngine(Self.a))
        if stage != .checkingDependencies { harness.send(.dependenciesChecked(Self.a, missing: stage == .installingDependencies ? ["model.bin"] : [])) }
        harness.advance(byMs: timeoutMs - 1)
        #expect(harness.state(Self.a) == .starting(stage, pid: nil))
        harness.advance(byMs: 1)
        #expect(harness.state(Self.a) == .backingOff(restartAtMs: timeoutMs + 1_000, restartCount: 1))
    }

    @Test("waiting for health times out at 30 000 ms with SIGTERM to the group")
    func waitingForHealthTimeout() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.client(.startEngine(Self.a))
        harness.send(.processSpawned(Self.a, pid: ProcessID(7)))
        _ = harness.takeActions()
        harness.advance(to: 29_999)
        #expect(harness.takeEffects() == [])
        harness.advance(to: 30_000)
        #expect(harness.takeEffects() == [.signal(Self.a, pid: ProcessID(7), .terminate, processGroup: true)])
    }

    @Test("a loading engine gets its own deadline instead of the stage timeout")
    func startupLoading() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.client(.startEngine(Self.a))
        harness.send(.processSpawned(Self.a, pid: ProcessID(7)))
        harness.send(.engineMessage(Self.a, .response(RequestID(1), .success(Fixture.initializeResult()))))
        harness.advance(to: 1_000)
        harness.send(.engineMessage(Self.a, .response(RequestID(2), .success(Fixture.health("loading")))))
        #expect(harness.state(Self.a) == .starting(.loading, pid: ProcessID(7)))
        harness.advance(to: 120_999)
        #expect(harness.state(Self.a) == .starting(.loading, pid: ProcessID(7)))
        _ = harness.takeActions()
        harness.advance(to: 121_000)
        #expect(harness.takeEffects() == [.signal(Self.a, pid: ProcessID(7), .terminate, processGroup: true)])
    }

    @Test("a loading engine that becomes ok is Running")
    func loadingThenReady() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.client(.startEngine(Self.a))
        harness.send(.processSpawned(Self.a, pid: ProcessID(7)))
        harness.send(.engineMessage(Self.a, .response(RequestID(1), .success(Fixture.initializeResult()))))
        harness.send(.engineMessage(Self.a, .response(RequestID(2), .success(Fixture.health("loading")))))
        _ = harness.takeActions()
        harness.advance(to: 1_000)
        #expect(harness.takeEffects() == [.send(Self.a, .healthCheck(id: RequestID(3)))])
        harness.send(.engineMessage(Self.a, .response(RequestID(3), .success(Fixture.health("ok")))))
        #expect(harness.state(Self.a) == .running(pid: ProcessID(7), startedAtMs: 1_000, restartCount: 0))
    }

    @Test("a refused handshake fails the engine without restarts (seed default)")
    func handshakeFailure() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.client(.startEngine(Self.a))
        harness.send(.processSpawned(Self.a, pid: ProcessID(7)))
        let refusal = EngineErrorObject(code: -32004, message: "unsupported protocol version")
        harness.send(.engineMessage(Self.a, .response(RequestID(1), .failure(refusal))))
        harness.send(.processExited(Self.a, pid: ProcessID(7), .exited(code: 0)))
        guard case .failed(let diagnostics) = harness.state(Self.a) else {
            Issue.record("not failed: \(harness.state(Self.a))")
            return
        }
        #expect(diagnostics.cause == .handshakeFailure(engineCode: -32004))
    }

    @Test("a spawn nobody waits for is killed; a spawn failure backs off")
    func strayAndFailedSpawns() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.send(.processSpawned(Self.a, pid: ProcessID(9)))
        #expect(harness.takeEffects() == [.signal(Self.a, pid: ProcessID(9), .kill, processGroup: true)])
        harness.client(.startEngine(Self.a))
        harness.send(.spawnFailed(Self.a, reason: "ENOENT"))
        #expect(harness.state(Self.a) == .backingOff(restartAtMs: 1_000, restartCount: 1))
    }

    @Test("starting a running engine is an engine_state_conflict")
    func startConflict() {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.bringUp(Self.a, pid: 7)
        _ = harness.takeActions()
        harness.client(.startEngine(Self.a))
        guard case .reply(.rejected(let error)) = harness.takeActions().first else {
            Issue.record("not rejected")
            return
        }
        #expect(error.code == .engineStateConflict)
    }

    @Test("the negotiated message size is the smaller of both sides")
    func negotiatedMessageSize() {
        var harness = Harness(engines: [Fixture.engine("a") { $0.initialize.maxMessageBytes = 1_000_000 }])
        harness.bringUp(Self.a, pid: 7)
        #expect(harness.coordinator.supervisors[Self.a]!.negotiatedMaxMessageBytes == 1_000_000)
        var decoder = EngineStreamDecoder(engine: Self.a)
        decoder.maxLineBytes = 1_000_000
        #expect(decoder.maxLineBytes == 1_000_000)
    }
}
