import Core
import Testing
import Wire

@Suite("Engine codec: JSON-RPC mapping")
struct EngineCodecTests {
    @Test("requests map to JSON-RPC objects with integer ids; cancel is a notification")
    func requests() {
        #expect(EngineCodec.json(.healthCheck(id: RequestID(7))) == ["jsonrpc": "2.0", "id": 7, "method": "health_check"])
        #expect(EngineCodec.json(.cancel(target: RequestID(3))) == ["jsonrpc": "2.0", "method": "cancel", "params": ["id": 3]])
        let transcribe = EngineCodec.json(.transcribe(id: RequestID(9), TranscribeParameters(audioPath: "/a.wav")))
        #expect(transcribe == [
            "jsonrpc": "2.0", "id": 9, "method": "transcribe",
            "params": ["audio": ["path": "/a.wav"], "language": nil, "options": [:]],
        ])
        let initialize = EngineCodec.json(.initialize(id: RequestID(1), .default))
        #expect(initialize["params"]?["protocolVersion"] == "1.0")
        #expect(initialize["params"]?["limits"]?["maxMessageBytes"] == 8_388_608)
    }

    @Test("responses, errors and notifications decode to typed messages")
    func messages() throws {
        #expect(try EngineCodec.message(from: ["jsonrpc": "2.0", "id": 4, "result": nil]).get()
            == .response(RequestID(4), .success(.null)))
        #expect(try EngineCodec.message(from: [
            "jsonrpc": "2.0", "id": 5, "error": ["code": -32010, "message": "audio_not_found"],
        ]).get() == .response(RequestID(5), .failure(EngineErrorObject(code: -32010, message: "audio_not_found"))))
        #expect(try EngineCodec.message(from: [
            "jsonrpc": "2.0", "id": nil, "error": ["code": -32700, "message": "parse error"],
        ]).get() == .errorWithoutID(EngineErrorObject(code: -32700, message: "parse error")))
        #expect(try EngineCodec.message(from: [
            "jsonrpc": "2.0", "method": "progress", "params": ["id": 2, "fraction": .number(JSONNumber(unchecked: "0.25")), "stage": "decode"],
        ]).get() == .progress(RequestID(2), fractionPermille: 250, stage: "decode"))
        #expect(try EngineCodec.message(from: [
            "jsonrpc": "2.0", "method": "heartbeat", "params": ["seq": 1, "uptimeMs": 30],
        ]).get() == .heartbeat(seq: 1, uptimeMs: 30))
        let draft: JSONValue = [
            "jsonrpc": "2.0", "method": "draft",
            "params": ["id": 2, "seq": 1, "segment": ["id": 0, "start": 0, "end": 1, "text": "hi", "words": []]],
        ]
        #expect(try EngineCodec.message(from: draft).get() == .draft(RequestID(2), seq: 1, Fixture.segment(0, "hi")))
    }

    @Test("ids we never send and malformed messages are invalid_message", arguments: [
        ["jsonrpc": "2.0", "id": "1", "result": 1],
        ["jsonrpc": "2.0", "id": -1, "result": 1],
        ["jsonrpc": "1.0", "id": 1, "result": 1],
        ["jsonrpc": "2.0", "id": 1, "method": "transcribe"],
        ["jsonrpc": "2.0", "method": "progress", "params": ["id": 1, "fraction": 2]],
        ["jsonrpc": "2.0", "method": "bogus"],
        [1, 2],
    ] as [JSONValue])
    func invalid(json: JSONValue) {
        guard case .failure(let error) = EngineCodec.message(from: json) else {
            Issue.record("decoded \(json)")
            return
        }
        #expect(error.code == .invalidMessage)
    }

    @Test("typed results: initialize, health and transcript")
    func results() throws {
        #expect(EngineCodec.initializeResult(from: Fixture.initializeResult(maxConcurrentRequests: 3))
            == InitializeResult(protocolVersion: "1.0", engineName: "fake", engineVersion: "1", languages: ["en"],
                                drafts: true, maxConcurrentRequests: 3, maxMessageBytes: 8_388_608))
        #expect(EngineCodec.initializeResult(from: ["protocolVersion": "1.0"]) == nil)
        #expect(EngineCodec.healthStatus(from: Fixture.health("loading")) == .loading)
        #expect(EngineCodec.healthStatus(from: Fixture.health("sleepy")) == nil)
        #expect(try EngineCodec.transcript(from: Fixture.transcript("hi")).text == "hi")
        #expect(throws: CoreError.self) { try EngineCodec.transcript(from: ["language": "en"]) }
    }
}
