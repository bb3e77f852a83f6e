import Testing
import Wire

enum TranscriptFixture {
    static let transcript = Transcript(language: "en", durationSeconds: 2.0, segments: [
        Segment(id: 0, startSeconds: 0, endSeconds: 1.25, text: "hello there", confidence: 0.875, words: [
            Word(text: "hello", startSeconds: 0, endSeconds: 0.5, confidence: 0.9),
            Word(text: "there", startSeconds: 0.5, endSeconds: 1.25),
        ]),
        Segment(id: 1, startSeconds: 1.25, endSeconds: 2, text: "café 😀", words: []),
    ])

    static let text = #"{"language":"en","duration":2.0,"segments":["#
        + #"{"id":0,"start":0.0,"end":1.25,"text":"hello there","confidence":0.875,"words":["#
        + #"{"word":"hello","start":0.0,"end":0.5,"confidence":0.9},{"word":"there","start":0.5,"end":1.25}]},"#
        + #"{"id":1,"start":1.25,"end":2.0,"text":"café 😀","words":[]}]}"#
}

@Suite("Transcript JSON")
struct TranscriptJSONTests {
    @Test("a transcript encodes to exact bytes and decodes back")
    func roundTrip() throws {
        #expect(TranscriptFixture.transcript.json.serializedString == TranscriptFixture.text)
        #expect(try Transcript(json: try JSONParser.parse(TranscriptFixture.text)) == TranscriptFixture.transcript)
    }

    @Test("extra members such as metrics are ignored; integer times and null confidence are accepted")
    func lenientMembers() throws {
        let text = #"{"metrics":{"rtf":0.1},"segments":[{"id":3,"start":1,"end":2,"text":"x","confidence":null,"#
            + #""words":[{"word":"x","start":1,"end":2,"extra":[]}]}],"duration":2,"language":"de"}"#
        let transcript = try Transcript(json: try JSONParser.parse(text))
        #expect(transcript == Transcript(language: "de", durationSeconds: 2, segments: [
            Segment(id: 3, startSeconds: 1, endSeconds: 2, text: "x", words: [Word(text: "x", startSeconds: 1, endSeconds: 2)]),
        ]))
    }

    @Test("decode errors name the path of the offending member", arguments: [
        (#"[]"#, "", JSONDecodingError.Code.wrongType),
        (#"{"duration":1,"segments":[]}"#, "language", .missingMember),
        (#"{"language":"en","duration":"1","segments":[]}"#, "duration", .wrongType),
        (#"{"language":"en","duration":1e999,"segments":[]}"#, "duration", .invalidValue),
        (#"{"language":"en","duration":1,"segments":{}}"#, "segments", .wrongType),
        (#"{"language":"en","duration":1,"segments":[1]}"#, "segments[0]", .wrongType),
        (#"{"language":"en","duration":1,"segments":[{"id":1.5,"start":0,"end":1,"text":"","words":[]}]}"#,
         "segments[0].id", .invalidValue),
        (#"{"language":"en","duration":1,"segments":[{"id":1e30,"start":0,"end":1,"text":"","words":[]}]}"#,
         "segments[0].id", .invalidValue),
        (#"{"language":"en","duration":1,"segments":[{"id":1,"start":0,"end":1,"text":""}]}"#,
         "segments[0].words", .missingMember),
        (#"{"language":"en","duration":1,"segments":[{"id":0,"start":0,"end":1,"text":"","words":[]},{"id":1,"start":0,"end":1,"text":"","words":[]},"#
            + #"{"id":2,"start":0,"end":1,"text":"","words":[{"word":"a","start":"0","end":1}]}]}"#,
         "segments[2].words[0].start", .wrongType),
        (#"{"language":"en","duration":1,"segments":[{"id":0,"start":0,"end":1,"text":"","confidence":"high","words":[]}]}"#,
         "segments[0].confidence", .wrongType),
    ])
    func errorPaths(text: String, path: String, code: JSONDecodingError.Code) throws {
        let value = try JSONParser.parse(text)
        #expect(throws: JSONDecodingError(code: code, path: path, expected: expectedName(code, path))) {
            try Transcript(json: value)
        }
    }

    private func expectedName(_ code: JSONDecodingError.Code, _ path: String) -> String {
        if path.isEmpty || path.hasSuffix("]") { return "object" }
        if path.hasSuffix("id") { return "integer" }
        if path.hasSuffix("words") || path == "segments" { return "array" }
        if path.hasSuffix("language") { return "string" }
        return code == .invalidValue ? "finite number" : "number"
    }

    @Test("integral ids written as 1.0 or 2e0 are accepted, as JSON Schema's integer does")
    func integralIDs() throws {
        let text = #"{"language":"en","duration":1,"segments":[{"id":1.0,"start":0,"end":1,"text":"","words":[]},"#
            + #"{"id":2e0,"start":0,"end":1,"text":"","words":[]}]}"#
        #expect(try Transcript(json: try JSONParser.parse(text)).segments.map(\.id) == [1, 2])
    }

    @Test("the transcribe result adds metrics after the transcript members")
    func withMetrics() {
        let transcript = Transcript(language: "en", durationSeconds: 1, segments: [])
        #expect(transcript.json(metrics: ["processingMs": 840]).serializedString
            == #"{"language":"en","duration":1.0,"segments":[],"metrics":{"processingMs":840}}"#)
    }

    @Test("segments and words decode on their own with paths relative to themselves")
    func standalone() throws {
        #expect(throws: JSONDecodingError(code: .missingMember, path: "word", expected: "string")) {
            try Word(json: ["start": 0, "end": 1])
        }
        #expect(throws: JSONDecodingError(code: .wrongType, path: "words[1]", expected: "object")) {
            try Segment(json: ["id": 0, "start": 0, "end": 1, "text": "", "words": [["word": "a", "start": 0, "end": 1], 2]])
        }
        #expect(JSONDecodingError(code: .wrongType, path: "segments[2].words[0].start", expected: "number").description
            == "wrong_type at segments[2].words[0].start: expected number")
    }
}

@Suite("JSON object reader")
struct JSONObjectReaderTests {
    @Test("optional and nested members read with full paths")
    func nested() throws {
        let value: JSONValue = ["limits": ["maxMessageBytes": 1024], "language": nil, "drafts": true, "n": "x"]
        let reader = try JSONObjectReader(value, path: "params")
        #expect(try reader.object("limits").int("maxMessageBytes") == 1024)
        #expect(try reader.optionalString("language") == nil)
        #expect(try reader.optionalInt("missing") == nil)
        #expect(try reader.bool("drafts"))
        #expect(try reader.optionalObject("absent") == nil)
        #expect(throws: JSONDecodingError(code: .wrongType, path: "params.n", expected: "integer")) { try reader.optionalInt("n") }
        #expect(throws: JSONDecodingError(code: .missingMember, path: "params.limits.x", expected: "boolean")) {
            try reader.object("limits").bool("x")
        }
    }

    @Test("a decoding error becomes the exact -32602 reply")
    func invalidParams() {
        let error = JSONDecodingError(code: .wrongType, path: "audio.path", expected: "string")
        #expect(String(decoding: RPCResponse(id: 4, error: error.invalidParamsError).encodedLine(), as: UTF8.self)
            == "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32602,\"message\":\"Invalid params\",\"data\":{\"name\":\"invalid_params\",\"reason\":\"wrong_type at audio.path: expected string\",\"member\":\"audio.path\"}}}\n")
    }
}
