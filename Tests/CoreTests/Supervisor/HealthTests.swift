import Core
import Testing

@Suite("Engine supervisor: health probes")
struct HealthTests {
    static let a: EngineID = "a"
    static let pid = ProcessID(100)

    private func running(_ configure: (inout EngineConfiguration) -> Void = { _ in }) -> Harness {
        var harness = Harness(engines: [Fixture.engine("a", configure)])
        harness.bringUp(Self.a, pid: 100)
        _ = harness.takeActions()
        return harness
    }

    private func accepts(_ harness: Harness) -> Bool { harness.coordinator.supervisors[Self.a]!.acceptsWork }

    @Test("the first probe goes out at 30 000 ms, not 29 999")
    func probeInterval() {
        var harness = running()
        harness.advance(to: 29_999)
        #expect(harness.takeEffects() == [])
        harness.advance(to: 30_000)
        #expect(harness.takeEffects() == [.send(Self.a, .healthCheck(id: RequestID(3)))])
    }

    @Test("an unanswered probe fails at 5 000 ms, not 4 999")
    func probeTimeout() {
        var harness = running()
        harness.advance(to: 34_999)
        _ = harness.takeActions()
        #expect(accepts(harness))
        harness.advance(to: 35_000)
        #expect(harness.takeEventNames() == ["signal.engine.unhealthy"])
        #expect(!accepts(harness))
    }

    @Test("three consecutive failures tear the engine down; the exit restarts it as health_failure")
    func threeFailures() {
        var harness = running()
        harness.advance(to: 94_999)
        _ = harness.takeActions()
        if case .running = harness.state(Self.a) {} else { Issue.record("not running at 94 999") }
        harness.advance(to: 95_000)
        #expect(harness.takeEffects() == [.signal(Self.a, pid: Self.pid, .terminate, processGroup: true)])
        harness.send(.processExited(Self.a, pid: Self.pid, .signaled(signal: 15)))
        #expect(harness.takeEventNames() == ["signal.engine.crashed", "signal.engine.restarting"])
        let crashes = harness.coordinator.events.replay(job: nil, after: nil).compactMap { event -> ExitCause? in
            if case .engine(_, .crashed(let cause, _)) = event.kind { cause } else { nil }
        }
        #expect(crashes == [.healthFailure])
    }

    @Test("after a failure the engine takes work again only after two consecutive successes")
    func twoSuccesses() {
        var harness = running()
        harness.advance(to: 35_000)  // failure 1
        harness.advance(to: 60_000)
        harness.answerProbe(Self.a, status: "ok", in: harness.takeActions())
        #expect(!accepts(harness))
        harness.advance(to: 90_000)
        harness.answerProbe(Self.a, status: "degraded", in: harness.takeActions())
        #expect(harness.takeEventNames() == ["signal.engine.healthy"])
        #expect(accepts(harness))
    }

    @Test("a success between failures breaks the streak: no restart after fail, ok, fail, fail")
    func streakBroken() {
        var harness = running()
        harness.advance(to: 35_000)
        harness.advance(to: 60_000)
        harness.answerProbe(Self.a, status: "ok", in: harness.takeActions())
        harness.advance(to: 125_000)  // failures at 95 000 and 125 000: two in a row
        #expect(!harness.takeEffects().contains { if case .signal = $0 { true } else { false } })
        if case .running = harness.state(Self.a) {} else { Issue.record("restarted too early") }
    }

    @Test("loading is not a failure until its deadline", arguments: [0, 1] as [UInt64])
    func loadingDeadline(answerDelayMs: UInt64) {
        var harness = running { $0.health.loadingDeadlineMs = 30_000 }
        harness.advance(to: 30_000)
        let first = harness.takeActions()
        harness.advance(byMs: answerDelayMs)
        harness.answerProbe(Self.a, status: "loading", in: first)  // loading since 30 000 + delay
        #expect(!accepts(harness))
        harness.advance(to: 60_000)
        harness.answerProbe(Self.a, status: "loading", in: harness.takeActions())  // 30 000 - delay later
        let names = harness.takeEventNames()
        #expect(names == (answerDelayMs == 0 ? ["signal.engine.unhealthy"] : []))
    }

    @Test("ten protocol errors in a row tear the engine down; a good message resets the streak")
    func protocolErrors() {
        var harness = running()
        for _ in 0..<9 { harness.send(.engineProtocolError(Self.a, code: -32700, detail: "garbage")) }
        harness.send(.engineMessage(Self.a, .heartbeat(seq: 1, uptimeMs: 5)))
        for _ in 0..<9 { harness.send(.engineProtocolError(Self.a, code: -32700, detail: "garbage")) }
        #expect(harness.takeEffects() == [])
        harness.send(.engineProtocolError(Self.a, code: -32700, detail: "garbage"))
        #expect(harness.takeEffects() == [.signal(Self.a, pid: Self.pid, .terminate, processGroup: true)])
    }

    @Test("with heartbeats requested, silence for 3 × 1.5 intervals tears the engine down; a heartbeat resets it")
    func heartbeats() {
        var harness = running { $0.initialize.heartbeatIntervalMs = 1_000; $0.health.probeIntervalMs = 1_000_000 }
        harness.advance(to: 4_000)
        harness.send(.engineMessage(Self.a, .heartbeat(seq: 1, uptimeMs: 4_000)))
        _ = harness.takeActions()
        harness.advance(to: 8_499)
        #expect(harness.takeEffects() == [])
        harness.advance(to: 8_500)
        #expect(harness.takeEffects() == [.signal(Self.a, pid: Self.pid, .terminate, processGroup: true)])
        harness.send(.processExited(Self.a, pid: Self.pid, .signaled(signal: 15)))
        let crashes = harness.coordinator.events.replay(job: nil, after: nil).compactMap { event -> ExitCause? in
            if case .engine(_, .crashed(let cause, _)) = event.kind { cause } else { nil }
        }
        #expect(crashes == [.heartbeatLost])
    }

    @Test("without heartbeats requested, no heartbeat timer is armed")
    func noHeartbeats() {
        let harness = running()
        #expect(!harness.coordinator.armedTimers.contains { $0.timer == .engine(Self.a, .heartbeat) })
    }
}
