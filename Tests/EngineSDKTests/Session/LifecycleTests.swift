import EngineSDK
import Testing
import Wire

@Suite("Heartbeats, health, restart, stop and end of input (SPEC 5.5–5.7, 6.2, 6.5, 7.2)")
struct LifecycleTests {
    typealias H = SessionHarness

    static func heartbeat(_ seq: Int, _ uptimeMs: Int) -> String {
        #"{"jsonrpc":"2.0","method":"heartbeat","params":{"seq":\#(seq),"uptimeMs":\#(uptimeMs)}}"# + "\n"
    }

    @Test("the heartbeat timer is armed one interval after initialize and re-armed after each beat (7.2-MUST-1/2)")
    func heartbeats() {
        var harness = SessionHarness()
        harness.now = 100
        let initialized = harness.feed(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"},"heartbeatIntervalMs":5000}}"# + "\n")
        #expect(H.effects(initialized) == [.armTimer(.heartbeat, atMs: 5_100), .loadModel(.initial(clientConfig: JSONObject()))])
        let first = harness.session.timerFired(.heartbeat, now: 5_100)
        #expect(H.output(first) == Self.heartbeat(1, 5_100))
        #expect(H.effects(first) == [.armTimer(.heartbeat, atMs: 10_100)])
        let second = harness.session.timerFired(.heartbeat, now: 10_112)
        #expect(H.output(second) == Self.heartbeat(2, 10_112))
        #expect(H.effects(second) == [.armTimer(.heartbeat, atMs: 15_112)])
    }

    @Test("no heartbeats when the interval is 0 (7.2-MUST-NOT-1)")
    func noHeartbeats() {
        var harness = SessionHarness()
        harness.initialize(heartbeatIntervalMs: 0)
        #expect(harness.session.timerFired(.heartbeat, now: 5_000) == [])
    }

    @Test("--heartbeat-percent stretches the interval")
    func slowHeartbeats() {
        var harness = SessionHarness(heartbeatIntervalPercent: 300)
        let actions = harness.feed(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"},"heartbeatIntervalMs":1000}}"# + "\n")
        #expect(H.effects(actions).contains(.armTimer(.heartbeat, atMs: 3_000)))
    }

    @Test("health_check waits for the engine until its 400 ms deadline timer, then answers degraded (6.2-MUST-1)")
    func healthDeadline() {
        var harness = SessionHarness()
        harness.initialize()
        let asked = harness.feed(#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"# + "\n")
        #expect(H.output(asked) == "")
        #expect(H.effects(asked) == [.checkHealth, .armTimer(.healthDeadline, atMs: 400)])
        let late = harness.session.timerFired(.healthDeadline, now: 400)
        #expect(H.output(late) == H.result("3", #"{"status":"degraded","detail":{"reason":"health check did not answer within 400 ms","activeRequests":0}}"#))
        #expect(harness.session.healthResult(.ok, now: 450) == [])
    }

    @Test("health_check answered by the engine before the deadline cancels the timer")
    func healthAnswered() {
        var harness = SessionHarness()
        harness.initialize()
        _ = harness.feed(#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"# + "\n" + #"{"jsonrpc":"2.0","id":4,"method":"health_check"}"# + "\n")
        let answered = harness.session.healthResult(.status(.error, reason: "gpu lost"), now: 399)
        let body = #"{"status":"error","detail":{"reason":"gpu lost","activeRequests":0}}"#
        #expect(H.output(answered) == H.result("3", body) + H.result("4", body))
        #expect(H.effects(answered) == [.cancelTimer(.healthDeadline)])
        #expect(harness.session.timerFired(.healthDeadline, now: 400) == [])
    }

    @Test("restart cancels transcriptions with -32800, reports loading, then answers null (6.5)")
    func restart() throws {
        var harness = SessionHarness()
        harness.initialize()
        let handle = try #require(harness.transcribe(id: "2").1)
        let actions = harness.feed(#"{"jsonrpc":"2.0","id":3,"method":"restart"}"# + "\n")
        #expect(H.output(actions) == H.error("2", -32800, "Request cancelled", "request_cancelled", "cancelled by restart"))
        #expect(H.effects(actions) == [.cancelTranscription(handle), .loadModel(.restart)])
        #expect(harness.send(#"{"jsonrpc":"2.0","id":4,"method":"health_check"}"#)
            == H.result("4", #"{"status":"loading","detail":{"reason":"model loading","activeRequests":0}}"#))
        #expect(harness.send(#"{"jsonrpc":"2.0","id":5,"method":"restart"}"#) == "")
        let (waiting, started) = harness.transcribe(id: "6")
        #expect(waiting == "" && started == nil)
        let loaded = harness.session.modelLoaded(.success(()), now: 0)
        #expect(H.output(loaded) == H.result("3", "null") + H.result("5", "null"))
        #expect(H.effects(loaded).count == 1)
        #expect(harness.session.metrics.cancelled == 1)
    }

    @Test("a failed reload answers restart -32000 and health error (6.5-MUST-4)")
    func failedReload() {
        var harness = SessionHarness()
        harness.initialize()
        _ = harness.feed(#"{"jsonrpc":"2.0","id":3,"method":"restart"}"# + "\n")
        let failed = harness.session.modelLoaded(.failure(EngineError(.engineFailure, reason: "weights missing")), now: 0)
        #expect(H.output(failed) == H.error("3", -32000, "Engine failure", "engine_failure", "model failed to load: weights missing"))
        #expect(harness.send(#"{"jsonrpc":"2.0","id":4,"method":"health_check"}"#)
            == H.result("4", #"{"status":"error","detail":{"reason":"weights missing","activeRequests":0}}"#))
    }

    @Test("stop answers every in-flight request -32030 first, then null, then exits; nothing after (5.5-MUST-2)")
    func stopOrdering() throws {
        var harness = SessionHarness()
        harness.initialize(heartbeatIntervalMs: 1_000)
        let handle = try #require(harness.transcribe(id: "2").1)
        _ = harness.feed(#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"# + "\n")
        let actions = harness.feed(#"{"jsonrpc":"2.0","id":8,"method":"stop"}"# + "\n" + #"{"jsonrpc":"2.0","id":9,"method":"get_status"}"# + "\n")
        let stopping = { (id: String) in H.error(id, -32030, "Shutting down", "shutting_down", "the engine is stopping") }
        #expect(H.output(actions) == stopping("2") + stopping("3") + H.result("8", "null"))
        #expect(H.effects(actions) == [.cancelTranscription(handle), .cancelTimer(.heartbeat), .cancelTimer(.healthDeadline), .exit(code: 0)])
        #expect(harness.session.transcriptionFinished(handle, .success(TranscriptionTests.transcript), now: 0) == [])
        #expect(harness.session.timerFired(.heartbeat, now: 1_000) == [])
        #expect(harness.session.healthResult(.ok, now: 0) == [])
        #expect(harness.feed(#"{"jsonrpc":"2.0","id":10,"method":"get_status"}"# + "\n") == [])
    }

    @Test("requests after stop inside the same batch get -32030 (5.5-MUST-3)")
    func stopInBatch() {
        var harness = SessionHarness()
        harness.initialize()
        let output = harness.send(#"[{"jsonrpc":"2.0","id":1,"method":"stop"},{"jsonrpc":"2.0","id":2,"method":"stop"}]"#)
        let second = #"{"jsonrpc":"2.0","id":2,"error":{"code":-32030,"message":"Shutting down","data":{"name":"shutting_down","reason":"the engine is stopping"}}}"#
        #expect(output == #"[{"jsonrpc":"2.0","id":1,"result":null},\#(second)]"# + "\n")
    }

    @Test("end of input and SIGTERM abandon in-flight work and exit 0 without writing (5.6, 5.7)", arguments: [true, false])
    func endOfInput(viaSignal: Bool) throws {
        var harness = SessionHarness()
        harness.initialize()
        let handle = try #require(harness.transcribe(id: "2").1)
        let actions = viaSignal ? harness.session.terminateSignal(now: 0) : harness.session.stdinClosed(now: 0)
        #expect(H.output(actions) == "")
        #expect(H.effects(actions) == [.cancelTranscription(handle), .exit(code: 0)])
        #expect(harness.session.stdinClosed(now: 0) == [])
    }

    @Test("get_status and get_metrics count every finished transcription (6.3, 6.4)")
    func counters() throws {
        var harness = SessionHarness()
        harness.initialize()
        let first = try #require(harness.transcribe(id: "1").1)
        let second = try #require(harness.transcribe(id: "2").1)
        _ = harness.session.transcriptionFinished(first, .success(TranscriptionTests.transcript), now: 840)
        _ = harness.session.transcriptionFinished(second, .failure(EngineError(.engineFailure, reason: "x")), now: 900)
        _ = try #require(harness.transcribe(id: "3").1)
        _ = harness.feed(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":3}}"# + "\n")
        harness.now = 9_135
        #expect(harness.send(#"{"jsonrpc":"2.0","id":"7","method":"get_metrics"}"#)
            == H.result(#""7""#, #"{"requests":{"total":3,"succeeded":1,"failed":1,"cancelled":1},"uptimeMs":9135,"durationMs":{"count":1,"mean":840.0,"max":840.0}}"#))
        #expect(harness.send(#"{"jsonrpc":"2.0","id":8,"method":"get_status"}"#)
            == H.result("8", #"{"state":"ready","activeRequests":0,"maxConcurrentRequests":2,"uptimeMs":9135,"requestsServed":3}"#))
    }
}
