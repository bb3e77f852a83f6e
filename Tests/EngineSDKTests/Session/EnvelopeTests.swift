import EngineSDK
import Testing
import Wire

@Suite("The session enforces the envelope rules of SPEC sections 2–4 byte for byte")
struct EnvelopeTests {
    typealias H = SessionHarness

    static func ready() -> SessionHarness {
        var harness = SessionHarness()
        harness.initialize()
        return harness
    }

    @Test("undecodable and non-request lines get the right code with the right id", arguments: [
        (#"{"jsonrpc":"2.0","id":5,"method":"get_status""#,
         H.error("null", -32700, "Parse error", "parse_error", "invalid_json: unexpected_end at byte 45")),
        ("42", H.error("null", -32600, "Invalid Request", "invalid_request", "message is not a JSON object")),
        (#""x""#, H.error("null", -32600, "Invalid Request", "invalid_request", "message is not a JSON object")),
        ("null", H.error("null", -32600, "Invalid Request", "invalid_request", "message is not a JSON object")),
        (#"{"jsonrpc":"1.0","id":5,"method":"get_status"}"#,
         H.error("5", -32600, "Invalid Request", "invalid_request", #"jsonrpc must be \"2.0\""#)),
        (#"{"jsonrpc":"2.0","id":5,"method":7}"#, H.error("5", -32600, "Invalid Request", "invalid_request", "method must be a string")),
        (#"{"jsonrpc":"2.0","id":5,"method":"get_status","params":null}"#,
         H.error("5", -32600, "Invalid Request", "invalid_request", "params must be an object or an array")),
        (#"{"jsonrpc":"2.0","id":true,"method":"get_status"}"#,
         H.error("null", -32600, "Invalid Request", "invalid_request", "id must be a string, a number or null")),
        (#"{"jsonrpc":"2.0","id":5,"result":1}"#, H.error("5", -32600, "Invalid Request", "invalid_request", "an engine accepts no responses")),
        (#"{"jsonrpc":"2.0","id":6,"method":"Transcribe"}"#,
         H.error("6", -32601, "Method not found", "method_not_found", "unknown method 'Transcribe'")),
        (#"{"jsonrpc":"2.0","id":6,"method":"rpc.discover"}"#,
         H.error("6", -32601, "Method not found", "method_not_found", "unknown method 'rpc.discover'")),
        (#"{"jsonrpc":"2.0","id":7,"method":"get_status","params":[1]}"#,
         H.error("7", -32602, "Invalid params", "invalid_params", "params must be an object (named params)")),
        (#"{"jsonrpc":"2.0","id":8,"method":"transcribe","params":{"audio":{}}}"#,
         H.error("8", -32602, "Invalid params", "invalid_params", #"audio must be {\"path\": string}"#, extra: #","member":"audio.path""#)),
        (#"{"jsonrpc":"2.0","id":8,"method":"transcribe","params":{"audio":{"path":"/a"},"language":"fr"}}"#,
         H.error("8", -32012, "Language unsupported", "language_unsupported", "language 'fr' is not supported",
                 extra: #","language":"fr","supported":["en","de"]"#)),
    ])
    func errorReplies(line: String, expected: String) {
        var harness = Self.ready()
        #expect(harness.send(line) == expected)
        #expect(harness.send(#"{"jsonrpc":"2.0","id":99,"method":"get_metrics"}"#).hasPrefix(#"{"jsonrpc":"2.0","id":99,"result":"#))
    }

    @Test("invalid UTF-8 gets -32700 with id null (2.4-MUST-1)")
    func invalidUTF8() {
        var harness = Self.ready()
        let actions = harness.session.receive([0x7B, 0xFF, 0x7D, 0x0A], now: 0)
        #expect(H.output(actions).hasPrefix(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error","data":{"name":"parse_error","reason":"invalid_utf8"#))
    }

    @Test("notifications are never answered, whatever is wrong with them (3.3-MUST-NOT-1)", arguments: [
        #"{"jsonrpc":"2.0","method":"no_such_notification"}"#,
        #"{"jsonrpc":"2.0","method":"cancel","params":[1]}"#,
        #"{"jsonrpc":"2.0","method":"cancel","params":{"id":12345}}"#,
        #"{"jsonrpc":"2.0","method":"transcribe","params":{}}"#,
        "   ", "\t\r",
    ])
    func notificationsUnanswered(line: String) {
        var harness = Self.ready()
        #expect(harness.send(line) == "")
    }

    @Test("ids are echoed exactly: big numbers, fractions, strings that look like numbers, null (3.2-MUST-2)", arguments: [
        "18446744073709551616", "-7", "1.0", "1e3", #""1""#, "null", #""é✓😀""#,
    ])
    func idExactness(id: String) {
        var harness = Self.ready()
        #expect(harness.send(#"{"jsonrpc":"2.0","id":\#(id),"method":"rpc.x"}"#)
            == H.error(id, -32601, "Method not found", "method_not_found", "unknown method 'rpc.x'"))
    }

    @Test("1, 1.0 and \"1\" are three different ids in flight (3.2-MUST-3)")
    func distinctIDs() {
        var harness = Self.ready()
        #expect(harness.transcribe(id: "1").1 != nil)
        #expect(harness.transcribe(id: "1.0").1 != nil)
        #expect(harness.transcribe(id: #""1""#).0
            == H.error(#""1""#, -32020, "Busy", "busy", "2 transcriptions already in flight", extra: #","maxConcurrentRequests":2"#))
    }

    @Test("[] gets one -32600 object, not an array (4.1-MUST-2)")
    func emptyBatch() {
        var harness = Self.ready()
        #expect(harness.send("[]") == H.error("null", -32600, "Invalid Request", "invalid_request", "empty batch"))
    }

    @Test("[1,2,3] gets an array of three -32600 errors (4.1-MUST-3)")
    func numbersBatch() {
        var harness = Self.ready()
        let one = #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"Invalid Request","data":{"name":"invalid_request","reason":"message is not a JSON object"}}}"#
        #expect(harness.send("[1,2,3]") == "[\(one),\(one),\(one)]\n")
    }

    @Test("an all-notification batch gets nothing (4.2-MUST-NOT-1)")
    func notificationBatch() {
        var harness = Self.ready()
        #expect(harness.send(#"[{"jsonrpc":"2.0","method":"cancel","params":{"id":1}},{"jsonrpc":"2.0","method":"x"}]"#) == "")
    }

    @Test("a mixed batch gets one array in element order without the notification (4.2-MUST-1)")
    func mixedBatch() {
        var harness = Self.ready()
        harness.now = 9_134
        let output = harness.send(#"[{"jsonrpc":"2.0","id":18446744073709551616,"method":"get_status"},{"jsonrpc":"2.0","method":"cancel","params":{"id":99}},{"jsonrpc":"2.0","id":"7","method":"get_metrics"},{"jsonrpc":"2.0","id":8,"method":"nope"}]"#)
        let status = #"{"jsonrpc":"2.0","id":18446744073709551616,"result":{"state":"ready","activeRequests":0,"maxConcurrentRequests":2,"uptimeMs":9134,"requestsServed":0}}"#
        let metrics = #"{"jsonrpc":"2.0","id":"7","result":{"requests":{"total":0,"succeeded":0,"failed":0,"cancelled":0},"uptimeMs":9134,"durationMs":{"count":0,"mean":0.0,"max":0.0}}}"#
        let unknown = #"{"jsonrpc":"2.0","id":8,"error":{"code":-32601,"message":"Method not found","data":{"name":"method_not_found","reason":"unknown method 'nope'"}}}"#
        #expect(output == "[\(status),\(metrics),\(unknown)]\n")
    }

    @Test("a batch waits for its slowest request and is written once (4.2-MUST-2)")
    func batchWaitsForTranscription() throws {
        var harness = Self.ready()
        let actions = harness.feed(#"[{"jsonrpc":"2.0","id":1,"method":"transcribe","params":{"audio":{"path":"/a.wav"}}},{"jsonrpc":"2.0","id":2,"method":"get_status"}]"# + "\n")
        #expect(H.output(actions) == "")
        guard case .startTranscription(let handle, let request)? = H.effects(actions).first else {
            Issue.record("no transcription started")
            return
        }
        #expect(request == TranscriptionRequest(id: 1, audioPath: "/a.wav", language: nil))
        let transcript = Transcript(language: "en", durationSeconds: 1, segments: [])
        harness.now = 500
        let done = harness.session.transcriptionFinished(handle, .success(transcript), now: 500)
        #expect(H.output(done) == #"[{"jsonrpc":"2.0","id":1,"result":{"language":"en","duration":1.0,"segments":[],"metrics":{"processingMs":500,"realTimeFactor":0.5}}},{"jsonrpc":"2.0","id":2,"result":{"state":"ready","activeRequests":1,"maxConcurrentRequests":2,"uptimeMs":0,"requestsServed":0}}]"# + "\n")
    }

    @Test("an oversized line gets one -32001 with id null and the next line is served (2.3-MUST-2, 2.3-MUST-3)")
    func oversizedResync() {
        var harness = SessionHarness(maxMessageBytes: 65_536)
        harness.initialize()
        let big = #"{"jsonrpc":"2.0","id":1,"method":"get_status","params":{"pad":""# + String(repeating: "x", count: 70_000) + #""}}"#
        let output = harness.send(big + "\n" + #"{"jsonrpc":"2.0","id":2,"method":"get_metrics"}"#)
        let expected = H.error("null", -32001, "Message too large", "message_too_large", "message_too_large: line of 70066 bytes exceeds the limit of 65536 bytes",
                               extra: #","limitBytes":65536"#)
            + H.result("2", #"{"requests":{"total":0,"succeeded":0,"failed":0,"cancelled":0},"uptimeMs":0,"durationMs":{"count":0,"mean":0.0,"max":0.0}}"#)
        #expect(output == expected)
        #expect(harness.session.effectiveLimitBytes == 65_536)
    }

    @Test("a line just at the limit is accepted (2.3-MUST-1)")
    func lineAtLimit() {
        var harness = SessionHarness(maxMessageBytes: 65_536)
        harness.initialize()
        let prefix = #"{"jsonrpc":"2.0","id":1,"method":"get_status","params":{"pad":""#
        let line = prefix + String(repeating: "x", count: 65_536 - prefix.utf8.count - 3) + #""}}"#
        #expect(line.utf8.count == 65_536)
        #expect(harness.send(line).hasPrefix(#"{"jsonrpc":"2.0","id":1,"result":{"state":"ready""#))
    }

    @Test("any chunking, even inside a UTF-8 sequence, gives the same bytes (2.2-MUST-3)", arguments: [1, 2, 3, 5, 7, 64, 4096])
    func chunkSweep(chunkBytes: Int) {
        let script = Array((H.initializeLine + "\n" + #"{"jsonrpc":"2.0","id":"é✓😀","method":"prüfen"}"# + "\r\n\n"
            + #"[{"jsonrpc":"2.0","id":"日本","method":"get_status"},2]"# + "\n" + "{bad}\n").utf8)
        var whole = SessionHarness()
        let expected = H.output(whole.session.receive(script, now: 0))
        var chunked = SessionHarness()
        var output: [EngineSession.Action] = []
        var start = 0
        while start < script.count {
            let end = min(script.count, start + chunkBytes)
            output += chunked.session.receive(Array(script[start..<end]), now: 0)
            start = end
        }
        #expect(H.output(output) == expected)
        #expect(expected.contains(#"{"jsonrpc":"2.0","id":"é✓😀","error":{"code":-32601"#))
        #expect(expected.split(separator: "\n").count == 4)
    }

    @Test("unknown members in the envelope and in params are ignored (3.1-MUST-4)")
    func unknownMembers() {
        var harness = Self.ready()
        #expect(harness.send(#"{"jsonrpc":"2.0","id":1,"method":"get_status","params":{"verbose":true},"trace":"abc"}"#)
            == H.result("1", #"{"state":"ready","activeRequests":0,"maxConcurrentRequests":2,"uptimeMs":0,"requestsServed":0}"#))
        let (_, handle) = harness.transcribe(id: "2")
        #expect(handle != nil)
    }

    @Test("batch elements count as their own requests: a repeated id in one batch is -32021 (4.1-MUST-4)")
    func duplicateInBatch() {
        var harness = Self.ready()
        let request = #"{"jsonrpc":"2.0","id":1,"method":"transcribe","params":{"audio":{"path":"/a.wav"}}}"#
        let actions = harness.feed("[\(request),\(request)]\n")
        #expect(H.output(actions) == "")
        #expect(H.effects(actions).count == 1)
        var handle: RequestHandle?
        for case .startTranscription(let started, _) in actions { handle = started }
        guard let handle else {
            Issue.record("no transcription started")
            return
        }
        let done = H.output(harness.session.transcriptionFinished(handle, .failure(EngineError(.engineFailure, reason: "x")), now: 0))
        let duplicate = #"{"jsonrpc":"2.0","id":1,"error":{"code":-32021,"message":"Duplicate request id","data":{"name":"duplicate_request_id","reason":"a request with this id is in flight"}}}"#
        let failed = #"{"jsonrpc":"2.0","id":1,"error":{"code":-32000,"message":"Engine failure","data":{"name":"engine_failure","reason":"x"}}}"#
        #expect(done == "[\(failed),\(duplicate)]\n")
    }

    @Test("names quoted in reasons are cut so that replies stay small (2.3-MUST-NOT-1)")
    func longNames() {
        var harness = Self.ready()
        let method = String(repeating: "m", count: 70) + "é"
        #expect(harness.send(#"{"jsonrpc":"2.0","id":1,"method":"\#(method)"}"#)
            == H.error("1", -32601, "Method not found", "method_not_found", "unknown method '\(String(repeating: "m", count: 64))…'"))
    }

    @Test("an error reply over the line limit keeps only its name and a short reason")
    func errorOverLimit() throws {
        var harness = SessionHarness(maxMessageBytes: 65_536)
        harness.initialize()
        let path = String(repeating: "p", count: 65_400)
        let (_, started) = harness.transcribe(id: "1", path: path)
        let handle = try #require(started)
        let done = harness.session.transcriptionFinished(handle, .failure(EngineError(.audioNotFound, reason: "missing", path: path)), now: 0)
        #expect(H.output(done) == H.error("1", -32010, "Audio not found", "audio_not_found", "error details exceed the line limit"))
    }

    @Test("when several checks fail, the first in SPEC 8.3 order is reported (8.3-SHOULD-1)")
    func precedence() throws {
        var fresh = SessionHarness()
        #expect(fresh.send(#"{"jsonrpc":"2.0","id":1,"method":"nope","params":[1]}"#)
            == H.error("1", -32002, "Not initialized", "not_initialized", "send initialize first"))
        var harness = Self.ready()
        _ = try #require(harness.transcribe(id: "1").1)
        #expect(harness.send(#"{"jsonrpc":"2.0","id":1,"method":"nope"}"#)
            == H.error("1", -32021, "Duplicate request id", "duplicate_request_id", "a request with this id is in flight"))
        #expect(harness.send(#"{"jsonrpc":"2.0","id":2,"method":"initialize","params":[]}"#)
            == H.error("2", -32003, "Already initialized", "already_initialized", "initialize was already accepted"))
        #expect(harness.send(#"{"jsonrpc":"2.0","id":3,"method":"transcribe","params":{"audio":{"path":"/a"},"language":7}}"#)
            == H.error("3", -32602, "Invalid params", "invalid_params", "language must be a string or null", extra: #","member":"language""#))
    }
}
