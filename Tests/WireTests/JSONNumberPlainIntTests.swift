import Testing
import Wire

@Suite("JSON number to Int")
struct JSONNumberPlainIntTests {
    @Test("int equals Int(text) for plain, long, signed and non-integer texts", arguments: [
        "0", "-0", "7", "-7", "42", "123456789012345678", "-123456789012345678", "999999999999999999",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "1.0", "1e2", "-1.5", "0.1", "1e-7", "-0.0", "1E+2",
    ])
    func int(text: String) throws {
        let number = try #require(JSONNumber(validating: text))
        #expect(number.int == Int(text), "\(text)")
    }

    @Test("the plain reader takes only an optional minus and 1...18 digits", arguments: [
        ("0", 0), ("-0", 0), ("5", 5), ("-5", -5), ("123456789012345678", 123_456_789_012_345_678),
        ("-999999999999999999", -999_999_999_999_999_999), ("1234567890123456789", nil), ("", nil), ("-", nil),
        ("+1", nil), ("1.0", nil), ("1e2", nil), ("1-", nil), ("--1", nil), (" 1", nil),
    ] as [(String, Int?)])
    func plain(text: String, expected: Int?) {
        #expect(JSONNumber(unchecked: text).plainInt == expected, "\(text)")
    }

    @Test("object lookup returns the last member of a name, among names of equal and unequal lengths")
    func lookup() {
        let object = JSONObject([("text", 1), ("word", 2), ("start", 3), ("word", 4), ("é", 5), ("ab", 6)])
        #expect(object["word"] == 4)
        #expect(object["text"] == 1)
        #expect(object["start"] == 3)
        #expect(object["é"] == 5)
        #expect(object["e"] == nil)
        #expect(object["wor"] == nil)
        #expect(object["words"] == nil)
        #expect(object["ab"] == 6)
    }
}

@Suite("Transcript decoding through the lookup fast paths")
struct TranscriptLookupTests {
    @Test("out-of-order, extra and duplicate members, escapes and awkward floats decode exactly")
    func awkward() throws {
        let line = #"{"segments":[{"words":[{"end":1e-7,"start":-0.0,"word":"caf\u00e9 \"x\"","extra":[1,{"a":2}]}],"#
            + #""text":"héllo\n","end":0.1,"start":0,"id":7,"id":8,"confidence":null}],"duration":2.675,"language":"zh","language":"en"}"#
        let json = try JSONParser.parse(Array(line.utf8))
        let transcript = try Transcript(json: json)
        #expect(transcript.language == "en")
        #expect(transcript.durationSeconds.bitPattern == (2.675).bitPattern)
        #expect(transcript.segments.count == 1)
        let segment = transcript.segments[0]
        #expect(segment.id == 8)
        #expect(segment.startSeconds.bitPattern == (0.0).bitPattern)
        #expect(segment.endSeconds.bitPattern == (0.1).bitPattern)
        #expect(segment.text == "héllo\n")
        #expect(segment.confidence == nil)
        #expect(segment.words.count == 1)
        #expect(segment.words[0].text == "café \"x\"")
        #expect(segment.words[0].startSeconds.bitPattern == (-0.0).bitPattern)
        #expect(segment.words[0].endSeconds.bitPattern == (1e-7).bitPattern)
    }

    @Test("a fractional or oversized id keeps its exact error", arguments: [
        (#"1.5"#, JSONDecodingError(code: .invalidValue, path: "segments[0].id", expected: "integer")),
        (#""1""#, JSONDecodingError(code: .wrongType, path: "segments[0].id", expected: "integer")),
        (#"1e400"#, JSONDecodingError(code: .invalidValue, path: "segments[0].id", expected: "integer")),
    ] as [(String, JSONDecodingError)])
    func idErrors(id: String, error: JSONDecodingError) throws {
        let line = #"{"language":"en","duration":1,"segments":[{"id":"# + id + #","start":0,"end":1,"text":"","words":[]}]}"#
        let json = try JSONParser.parse(Array(line.utf8))
        #expect(throws: error) { try Transcript(json: json) }
    }

    @Test("an integral id spelled 2.0 or 1e2 still reads", arguments: [("2.0", 2), ("1e2", 100), ("-3", -3)] as [(String, Int)])
    func integralIDs(id: String, expected: Int) throws {
        let line = #"{"language":"en","duration":1,"segments":[{"id":"# + id + #","start":0,"end":1,"text":"","words":[]}]}"#
        let json = try JSONParser.parse(Array(line.utf8))
        #expect(try Transcript(json: json).segments[0].id == expected)
    }
}
