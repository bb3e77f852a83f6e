import Core
import Testing
import Wire

@Suite("Engine supervisor: probe now (client command)")
struct ProbeNowTests {
    static let a: EngineID = "a"

    private func running(_ configure: (inout EngineConfiguration) -> Void = { _ in }) -> Harness {
        var harness = Harness(engines: [Fixture.engine("a", configure)])
        harness.bringUp(Self.a, pid: 100)
        _ = harness.takeActions()
        return harness
    }

    /// The `signal.engine.probed` outcomes among the taken actions, and every event name.
    private func probed(_ actions: [CoordinatorAction]) -> (outcomes: [ProbeOutcome], names: [String]) {
        var outcomes: [ProbeOutcome] = []
        var names: [String] = []
        for case .emit(let event) in actions {
            names.append(event.kind.name)
            if case .engine(Self.a, .probed(let outcome)) = event.kind { outcomes.append(outcome) }
        }
        return (outcomes, names)
    }

    @Test("a probe goes out now with its timeout, and the periodic interval restarts from now")
    func probeSentNow() {
        var harness = running()
        harness.advance(to: 10_000)
        #expect(harness.client(.probeEngine(Self.a)) == [
            .reply(.probing(Self.a, alreadyOutstanding: false)),
            .send(Self.a, .healthCheck(id: RequestID(3))),
            .armTimer(.engine(Self.a, .probeTimeout), atMs: 15_000),
            .armTimer(.engine(Self.a, .probe), atMs: 40_000),
        ])
        _ = harness.takeActions()
        harness.advance(to: 39_999)
        #expect(harness.takeEffects() == [])
        harness.advance(to: 40_000)
        #expect(harness.takeEffects() == [.send(Self.a, .healthCheck(id: RequestID(4)))])
    }

    @Test("the reply's status is reported as signal.engine.probed", arguments: [
        ("ok", ProbeOutcome.ok), ("degraded", .degraded), ("loading", .loading), ("error", .error),
    ])
    func outcomeReported(status: String, outcome: ProbeOutcome) {
        var harness = running()
        harness.advance(to: 10_000)
        harness.client(.probeEngine(Self.a))
        harness.answerProbe(Self.a, status: status, in: harness.takeActions())
        let (outcomes, names) = probed(harness.takeActions())
        #expect(outcomes == [outcome])
        #expect(names == ["signal.engine.probed"] + (status == "error" ? ["signal.engine.unhealthy"] : []))
    }

    @Test("the event carries the outcome in the trace JSON")
    func eventJSON() {
        var harness = running()
        harness.advance(to: 10_000)
        harness.client(.probeEngine(Self.a))
        harness.answerProbe(Self.a, status: "ok", in: harness.takeActions())
        let events = harness.takeActions().compactMap { if case .emit(let event) = $0 { event } else { nil } }
        #expect(events.count == 1)
        let json = events.first?.json
        #expect(json?["type"] == "signal.engine.probed")
        #expect(json?["outcome"] == "ok")
        #expect(json?["engine"] == "a")
    }

    @Test("periodic probes report nothing; only the probe a client asked for does")
    func periodicSilent() {
        var harness = running()
        harness.advance(to: 10_000)
        harness.client(.probeEngine(Self.a))
        harness.answerProbe(Self.a, status: "ok", in: harness.takeActions())
        _ = harness.takeActions()
        harness.advance(to: 40_000)
        harness.answerProbe(Self.a, status: "ok", in: harness.takeActions())
        #expect(probed(harness.takeActions()).names == [])
    }

    @Test("with a probe outstanding no second one is sent, and that probe's outcome is reported")
    func alreadyOutstanding() {
        var harness = running()
        harness.advance(to: 30_000)  // the periodic probe, id 3
        let periodic = harness.takeActions()
        harness.advance(to: 30_001)
        #expect(harness.client(.probeEngine(Self.a)) == [.reply(.probing(Self.a, alreadyOutstanding: true))])
        #expect(harness.client(.probeEngine(Self.a)) == [.reply(.probing(Self.a, alreadyOutstanding: true))])
        _ = harness.takeActions()
        harness.answerProbe(Self.a, status: "degraded", in: periodic)
        #expect(probed(harness.takeActions()).outcomes == [.degraded])
    }

    @Test("an unanswered probe is reported as timeout at 5 000 ms, not 4 999, then counted failed")
    func timeout() {
        var harness = running()
        harness.advance(to: 10_000)
        harness.client(.probeEngine(Self.a))
        _ = harness.takeActions()
        harness.advance(to: 14_999)
        #expect(probed(harness.takeActions()).names == [])
        harness.advance(to: 15_000)
        let (outcomes, names) = probed(harness.takeActions())
        #expect(outcomes == [.timeout])
        #expect(names == ["signal.engine.probed", "signal.engine.unhealthy"])
    }

    @Test("a probe overtaken by the next periodic probe is reported as timeout")
    func overtaken() {
        var harness = running { $0.health.probeTimeoutMs = 40_000 }
        harness.advance(to: 10_000)
        harness.client(.probeEngine(Self.a))
        _ = harness.takeActions()
        harness.advance(to: 40_000)
        let actions = harness.takeActions()
        #expect(probed(actions).outcomes == [.timeout])
        #expect(actions.contains(.send(Self.a, .healthCheck(id: RequestID(4)))))
    }

    @Test("an engine that is not Running is refused with engine_state_conflict; an unknown one with unknown_engine")
    func refused() {
        var harness = Harness(engines: [Fixture.engine("a")])
        let stopped = harness.client(.probeEngine(Self.a))
        #expect(stopped.count == 1)
        guard case .reply(.rejected(let error))? = stopped.first else {
            Issue.record("not rejected: \(stopped)")
            return
        }
        #expect(error.code == .engineStateConflict)
        let unknown = harness.client(.probeEngine("nope"))
        guard case .reply(.rejected(let other))? = unknown.first else {
            Issue.record("not rejected: \(unknown)")
            return
        }
        #expect(other.code == .unknownEngine)
    }

    @Test("the command and its reply have trace JSON")
    func commandJSON() {
        #expect(ClientCommand.probeEngine(Self.a).json == ["probeEngine": "a"])
        #expect(ClientReply.probing(Self.a, alreadyOutstanding: true).json == ["probing": "a", "alreadyOutstanding": true])
    }
}
