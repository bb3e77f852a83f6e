import Core
import Testing
import Wire

@Suite("Trace JSON of inputs, actions and events")
struct TraceJSONTests {
    private func text(_ json: JSONValue) -> String { json.serializedString }

    @Test("events serialize with fixed member order")
    func events() {
        let crashed = Event(id: EventID(7), job: TaskID(2), atMs: 1_500, priority: .high,
                            kind: .engine("a", .crashed(.crashSignal(signal: 11), .signaled(signal: 11))))
        #expect(text(crashed.json) == #"{"id":7,"job":2,"atMs":1500,"priority":"high","type":"signal.engine.crashed","engine":"a","cause":"crash_signal(11)","status":{"signaled":11}}"#)
        let draft = Event(id: EventID(8), job: TaskID(2), atMs: 1_600, priority: .normal,
                          kind: .subtitleDraft(engine: "a", seq: 1, Segment(id: 0, startSeconds: 0, endSeconds: 1.25, text: "hi")))
        #expect(text(draft.json) == #"{"id":8,"job":2,"atMs":1600,"priority":"normal","type":"subtitle.draft","engine":"a","seq":1,"segment":{"id":0,"start":0.0,"end":1.25,"text":"hi","words":[]}}"#)
        let failed = Event(id: EventID(9), job: nil, atMs: 0, priority: .high,
                           kind: .taskFailed(CoreError(.engineError, "a: no", engineCode: -32010)))
        #expect(text(failed.json) == #"{"id":9,"job":null,"atMs":0,"priority":"high","type":"task.failed","error":{"code":"engine_error","detail":"a: no","engineCode":-32010}}"#)
    }

    @Test("inputs carry the engine's wire messages")
    func inputs() {
        let progress = CoordinatorInput.engineMessage("a", .progress(RequestID(3), fractionPermille: 500, stage: "x"))
        #expect(text(progress.json) == #"{"type":"engineMessage","engine":"a","message":{"jsonrpc":"2.0","method":"progress","params":{"id":3,"fraction":0.5,"stage":"x"}}}"#)
        let exited = CoordinatorInput.processExited("a", pid: ProcessID(9), .exited(code: 1))
        #expect(text(exited.json) == #"{"type":"processExited","engine":"a","pid":9,"status":{"exited":1}}"#)
        #expect(text(CoordinatorInput.timerFired(.engine("a", .probeTimeout)).json) == #"{"type":"timerFired","timer":"engine.a.probe_timeout"}"#)
    }

    @Test("actions carry the exact JSON-RPC requests")
    func actions() {
        #expect(text(CoordinatorAction.send("a", .healthCheck(id: RequestID(2))).json)
            == #"{"type":"send","engine":"a","request":{"jsonrpc":"2.0","id":2,"method":"health_check"}}"#)
        #expect(text(CoordinatorAction.signal("a", pid: ProcessID(9), .kill, processGroup: true).json)
            == #"{"type":"signal","engine":"a","pid":9,"signal":9,"processGroup":true}"#)
        #expect(text(CoordinatorAction.armTimer(.requestTimeout(RequestID(4)), atMs: 10).json)
            == #"{"type":"armTimer","timer":"request_timeout.4","atMs":10}"#)
    }

    @Test("engine and task states serialize for status reports")
    func states() {
        #expect(text(EngineState.running(pid: ProcessID(4), startedAtMs: 10, restartCount: 2).json)
            == #"{"state":"running","pid":4,"startedAtMs":10,"restartCount":2}"#)
        #expect(text(EngineState.starting(.waitingForHealth, pid: nil).json) == #"{"state":"waiting_for_health","pid":null}"#)
        #expect(text(TaskState.running(engines: ["a"], progressPermille: 250).json)
            == #"{"state":"running","engines":["a"],"progressPermille":250}"#)
    }

    @Test("a whole run serializes to the same bytes twice", arguments: [1, 9] as [UInt64])
    func deterministicTrace(seed: UInt64) {
        func trace() -> String {
            var configuration = CoordinatorConfiguration(engines: [Fixture.engine("a") { $0.restart.jitterPermille = 200 }])
            configuration.seed = seed
            var coordinator = Coordinator(configuration: configuration)
            var lines: [String] = []
            func step(_ input: CoordinatorInput, _ now: UInt64) {
                lines.append(input.json.serializedString)
                for action in coordinator.handle(input, now: now) { lines.append(action.json.serializedString) }
            }
            step(.client(.submit(Fixture.task("/a.wav") { $0.deadlineMs = 90_000 })), 0)
            step(.client(.startEngine("a")), 0)
            step(.processSpawned("a", pid: ProcessID(5)), 1)
            step(.engineMessage("a", .response(RequestID(1), .success(Fixture.initializeResult()))), 2)
            step(.engineMessage("a", .response(RequestID(2), .success(Fixture.health("ok")))), 3)
            step(.engineMessage("a", .draft(RequestID(3), seq: 1, Fixture.segment(0, "hi"))), 4)
            step(.processExited("a", pid: ProcessID(5), .signaled(signal: 9)), 5)
            step(.tick, 90_000)
            return lines.joined(separator: "\n")
        }
        #expect(trace() == trace())
    }
}
