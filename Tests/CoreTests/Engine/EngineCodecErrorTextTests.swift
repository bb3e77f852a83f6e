import Core
import Testing
import Wire

/// The exact `invalid_message` details: they reach traces and logs, so decoding speed-ups must keep them.
@Suite("Engine codec: error texts")
struct EngineCodecErrorTextTests {
    static let wordsAt1: JSONValue = [
        ["word": "a", "start": 0, "end": 1], ["word": "b", "start": "0", "end": 1],
    ]

    @Test("each malformed message names its problem exactly", arguments: [
        (["jsonrpc": "2.0", "id": "1", "result": 1], #"response id "1" is not one we sent"#),
        (["jsonrpc": "2.0", "id": -1, "result": 1], "response id -1 is not one we sent"),
        (["jsonrpc": "2.0", "id": .number(JSONNumber(unchecked: "2.0")), "result": 1], "response id 2.0 is not one we sent"),
        (["jsonrpc": "1.0", "id": 1, "result": 1], "invalid JSON-RPC: RPCInvalidMessage(id: 1, code: invalid_jsonrpc_version)"),
        (["jsonrpc": "2.0", "id": 1, "method": "transcribe"], "engine sent a request (transcribe)"),
        (["jsonrpc": "2.0", "method": "progress", "params": ["id": 1, "fraction": 2]], "malformed progress params"),
        (["jsonrpc": "2.0", "method": "heartbeat", "params": ["seq": -1, "uptimeMs": 3]], "malformed heartbeat params"),
        (["jsonrpc": "2.0", "method": "draft", "params": ["id": 1, "seq": 1]], "malformed draft params"),
        (["jsonrpc": "2.0", "method": "bogus"], "unknown notification bogus"),
        ([1, 2], "invalid JSON-RPC: RPCInvalidMessage(id: null, code: not_an_object)"),
        (["jsonrpc": "2.0", "method": "draft", "params": [
            "id": 1, "seq": 1, "segment": ["id": 0, "start": 0, "end": 1, "text": "x", "words": wordsAt1],
        ]], "draft segment: wrong_type at words[1].start: expected number"),
        (["jsonrpc": "2.0", "method": "draft", "params": ["id": 1, "seq": 1, "segment": 3]],
         "draft segment: wrong_type at top level: expected object"),
    ] as [(JSONValue, String)])
    func messageDetails(json: JSONValue, detail: String) {
        guard case .failure(let error) = EngineCodec.message(from: json) else {
            Issue.record("decoded \(json)")
            return
        }
        #expect(error.code == .invalidMessage)
        #expect(error.detail == detail)
    }

    @Test("transcript errors carry the full member path", arguments: [
        (["language": "en"], "transcribe result: missing_member at duration: expected number"),
        (["language": "en", "duration": 1, "segments": [
            ["id": 0, "start": 0, "end": 1, "text": "", "words": []],
            ["id": 1, "start": 0, "end": 1, "text": "", "words": [["word": "a", "start": 0, "end": 1], "w"]],
        ]], "transcribe result: wrong_type at segments[1].words[1]: expected object"),
        (["language": "en", "duration": 1, "segments": [
            ["id": 0, "start": 0, "end": 1, "text": "", "words": []],
            ["id": 1, "start": 0, "end": 1, "text": "", "words": wordsAt1],
        ]], "transcribe result: wrong_type at segments[1].words[1].start: expected number"),
        (["language": "en", "duration": 1, "segments": [
            ["id": 0, "start": 0, "end": 1, "text": "", "words": [["word": "a", "start": 0, "end": 1, "confidence": "x"]]],
        ]], "transcribe result: wrong_type at segments[0].words[0].confidence: expected number"),
        (["language": "en", "duration": 1, "segments": [
            ["id": 0, "start": 0, "end": 1, "text": "", "words": [["start": 0, "end": 1]]],
        ]], "transcribe result: missing_member at segments[0].words[0].word: expected string"),
        (["language": "en", "duration": 1, "segments": [["id": 0, "start": 0, "end": 1, "text": 5, "words": []]]],
         "transcribe result: wrong_type at segments[0].text: expected string"),
        (["language": "en", "duration": 1, "segments": [
            ["id": 0, "start": .number(JSONNumber(unchecked: "1e400")), "end": 1, "text": "", "words": []],
        ]], "transcribe result: invalid_value at segments[0].start: expected finite number"),
        (["language": "en", "duration": 1, "segments": [["start": 0, "end": 1, "text": "", "words": []]]],
         "transcribe result: missing_member at segments[0].id: expected integer"),
        (["language": "en", "duration": 1, "segments": [["id": "0", "start": 0, "end": 1, "text": "", "words": []]]],
         "transcribe result: wrong_type at segments[0].id: expected integer"),
        (["language": "en", "duration": 1, "segments": [["id": 0, "start": 0, "end": 1, "text": "", "words": 1]]],
         "transcribe result: wrong_type at segments[0].words: expected array"),
        ("x", "transcribe result: wrong_type at top level: expected object"),
    ] as [(JSONValue, String)])
    func transcriptDetails(json: JSONValue, detail: String) {
        #expect(throws: CoreError(.invalidMessage, detail)) { try EngineCodec.transcript(from: json) }
    }
}
