import Core
import Testing

@Suite("Engine supervisor: stop sequence")
struct StopSequenceTests {
    static let a: EngineID = "a"
    static let pid = ProcessID(100)

    private func running() -> Harness {
        var harness = Harness(engines: [Fixture.engine("a")])
        harness.bringUp(Self.a, pid: 100)
        _ = harness.takeActions()
        return harness
    }

    @Test("stop request, 5 s, SIGTERM ignored, 5 s, SIGKILL to the process group, then Stopped")
    func sigtermIgnored() {
        var harness = running()
        harness.client(.stopEngine(Self.a))
        #expect(harness.takeEffects() == [.reply(.engineCommandAccepted([Self.a])), .send(Self.a, .stop(id: RequestID(3)))])
        harness.advance(to: 4_999)
        #expect(harness.takeEffects() == [])
        harness.advance(to: 5_000)
        #expect(harness.takeEffects() == [.signal(Self.a, pid: Self.pid, .terminate, processGroup: true)])
        harness.advance(to: 9_999)
        #expect(harness.takeEffects() == [])
        harness.advance(to: 10_000)
        #expect(harness.takeEffects() == [.signal(Self.a, pid: Self.pid, .kill, processGroup: true)])
        harness.advance(to: 1_000_000)
        #expect(harness.takeActions() == [])
        harness.send(.processExited(Self.a, pid: Self.pid, .signaled(signal: 9)))
        #expect(harness.state(Self.a) == .stopped)
        #expect(harness.takeEventNames() == ["signal.engine.stopped"])
        #expect(harness.coordinator.armedTimers.isEmpty)
    }

    @Test("an engine that exits after the stop request ends Stopped with no signal sent")
    func cooperativeStop() {
        var harness = running()
        harness.client(.stopEngine(Self.a))
        harness.send(.engineMessage(Self.a, .response(RequestID(3), .success(.null))))
        harness.send(.processExited(Self.a, pid: Self.pid, .exited(code: 0)))
        #expect(harness.takeEffects() == [.reply(.engineCommandAccepted([Self.a])), .send(Self.a, .stop(id: RequestID(3)))])
        #expect(harness.state(Self.a) == .stopped)
        harness.advance(to: 100_000)
        #expect(harness.takeActions() == [])
    }

    @Test("a custom sequence runs every step in order and always ends in SIGKILL")
    func customSteps() {
        var harness = Harness(engines: [Fixture.engine("a") {
            $0.stop.stopRequestGraceMs = 100
            $0.stop.steps = [StopStep(signal: .interrupt, graceMs: 200), StopStep(signal: .terminate, graceMs: 300)]
        }])
        harness.bringUp(Self.a, pid: 100)
        harness.client(.stopEngine(Self.a))
        _ = harness.takeActions()
        harness.advance(to: 600)
        #expect(harness.takeEffects() == [
            .signal(Self.a, pid: Self.pid, .interrupt, processGroup: true),
            .signal(Self.a, pid: Self.pid, .terminate, processGroup: true),
            .signal(Self.a, pid: Self.pid, .kill, processGroup: true),
        ])
    }

    @Test("a manual restart tears down and starts again with the count reset")
    func manualRestart() {
        var harness = running()
        harness.client(.restartEngine(Self.a))
        harness.send(.processExited(Self.a, pid: Self.pid, .exited(code: 0)))
        #expect(harness.takeEffects() == [
            .reply(.engineCommandAccepted([Self.a])), .send(Self.a, .stop(id: RequestID(3))),
            .spawn(Self.a, Fixture.engine("a").spawn),
        ])
    }

    @Test("stopping while backing off cancels the restart")
    func stopWhileBackingOff() {
        var harness = running()
        harness.send(.processExited(Self.a, pid: Self.pid, .signaled(signal: 11)))
        harness.client(.stopEngine(Self.a))
        #expect(harness.state(Self.a) == .stopped)
        harness.advance(to: 100_000)
        #expect(harness.takeEffects() == [.reply(.engineCommandAccepted([Self.a]))])
    }
}
