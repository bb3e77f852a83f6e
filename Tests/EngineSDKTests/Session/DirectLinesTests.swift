import EngineSDK
import Testing
import Wire

@Suite("Progress and result lines encoded straight to bytes match the JSONValue encoding")
struct DirectLinesTests {
    static let ids: [RPCID] = [7, "job \"7\"\n", .null, .number(JSONNumber(unchecked: "18446744073709551616"))]
    static let stages = ["decoding", "loading_audio", "é \\ \u{2028} \u{1}"]
    static let fractions = [0, -0.0, 0.333, 1, 0.1 + 0.2, 1e-7]

    @Test("a progress line is the RPCNotification's line", arguments: ids, stages)
    func progress(id: RPCID, stage: String) {
        for fraction in Self.fractions {
            let params = JSONObject(members: [
                (key: "id", value: id.json), (key: "fraction", value: .double(fraction)), (key: "stage", value: .string(stage)),
            ])
            let expected = RPCNotification(method: "progress", params: .object(params)).encodedLine()
            #expect(EngineSession.progressLine(id: id, fraction: fraction, stage: stage) == expected)
        }
    }

    static let word = Word(text: "he\"llo", startSeconds: 0, endSeconds: 0.5, confidence: 0.97)
    static let segment = Segment(id: 3, startSeconds: 0.25, endSeconds: 1.2, text: "hello world", confidence: 0.9, words: [word, word])
    static let transcripts = [
        Transcript(language: "", durationSeconds: 0.1, segments: []),
        Transcript(language: "de", durationSeconds: 0, segments: [segment]),
        Transcript(language: "en", durationSeconds: 2.5, segments: [segment, segment]),
        Transcript(language: "en", durationSeconds: .nan, segments: []),
    ]
    static let descriptors = [
        SessionHarness.descriptor,
        EngineDescriptor(name: "bare", version: "1", languages: ["fr"], wordTimestamps: false, wordConfidence: false),
        EngineDescriptor(name: "no-confidence", version: "1", wordConfidence: false),
    ]

    @Test("a result line is the RPCResponse's line", arguments: transcripts, [nil, "de"])
    func result(transcript: Transcript, language: String?) {
        for descriptor in Self.descriptors {
            let session = SessionHarness(descriptor: descriptor).session
            let request = TranscriptionRequest(id: 9, audioPath: "/a.wav", language: language)
            for (readAtMs, now) in [(0, 0), (10, 1_234), (5, 3)] {
                let result = session.resultJSON(transcript, request, readAtMs: readAtMs, now: now)
                let expected = RPCResponse(id: "r\u{2029}", result: result).encodedLine()
                #expect(session.resultLine(id: "r\u{2029}", transcript, request, readAtMs: readAtMs, now: now) == expected)
            }
        }
    }

    @Test("writeDouble writes what write(.double) writes", arguments: [
        0, -0.0, 1, -1, 0.1, 0.5, 1e-7, 1e16, 123_456.789, .nan, .infinity, -.infinity, .leastNonzeroMagnitude,
    ])
    func writeDouble(value: Double) {
        var direct = JSONSerializer()
        direct.writeDouble(value)
        var viaValue = JSONSerializer()
        viaValue.write(.double(value))
        #expect(direct.bytes == viaValue.bytes)
    }

    static let healthStatuses: [HealthStatus] = [
        .ok, .status(.degraded, reason: "slow \"disk\"\n"),
        HealthStatus(.error, detail: ["activeRequests": .number(JSONNumber(5)), "reason": "engine's own count"]),
        HealthStatus(.loading, detail: ["nested": .object(["a": .array([.bool(true), .null])]), "reason": "é"]),
    ]

    @Test("a health_check reply line is the RPCResponse's line", arguments: healthStatuses)
    func health(status: HealthStatus) {
        let session = SessionHarness().session
        for id: RPCID in [3, "h\u{2028}", .null] {
            let expected = RPCResponse(id: id, result: session.healthJSON(status)).encodedLine()
            #expect(EngineSession.healthLine(id: id, status, activeRequests: session.activeTranscriptions) == expected)
        }
    }
}
