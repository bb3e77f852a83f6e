import Testing
import Wire

/// `Word(json:)`, `Segment(json:)` and `Transcript(json:)` read members in one pass; these tests pin them to the
/// member-by-member lookups they replaced (same values, same first error, last duplicate wins).
@Suite("One-pass word, segment and transcript decoding")
struct OnePassDecodingTests {
    static func lookupWord(_ json: JSONValue) throws(JSONDecodingError) -> Word {
        let reader = try JSONObjectReader(json, path: "")
        return Word(
            text: try reader.string("word"), startSeconds: try reader.double("start"),
            endSeconds: try reader.double("end"), confidence: try reader.optionalDouble("confidence"))
    }

    static func lookupSegment(_ json: JSONValue) throws(JSONDecodingError) -> Segment {
        let reader = try JSONObjectReader(json, path: "")
        let id = try reader.int("id")
        let start = try reader.double("start")
        let end = try reader.double("end")
        let text = try reader.string("text")
        let confidence = try reader.optionalDouble("confidence")
        var words: [Word] = []
        for (index, element) in try reader.elements("words").enumerated() {
            do { words.append(try lookupWord(element)) } catch { throw error.within(reader.elementPath("words", index)) }
        }
        return Segment(id: id, startSeconds: start, endSeconds: end, text: text, confidence: confidence, words: words)
    }

    static func lookupTranscript(_ json: JSONValue) throws(JSONDecodingError) -> Transcript {
        let reader = try JSONObjectReader(json, path: "")
        let language = try reader.string("language")
        let duration = try reader.double("duration")
        var segments: [Segment] = []
        for (index, element) in try reader.elements("segments").enumerated() {
            do { segments.append(try lookupSegment(element)) } catch { throw error.within(reader.elementPath("segments", index)) }
        }
        return Transcript(language: language, durationSeconds: duration, segments: segments)
    }

    static func outcome<T: Equatable>(_ body: () throws(JSONDecodingError) -> T) -> Result<T, JSONDecodingError> {
        do { return .success(try body()) } catch { return .failure(error) }
    }

    @Test("words decode as the lookups do", arguments: [
        #"{"word":"a","start":0.1,"end":1e-7}"#, #"{"end":-0.0,"start":0,"word":"caf\u00e9\n","confidence":0.3}"#,
        #"{"word":"x","word":"y","start":1,"end":2,"confidence":null,"extra":{"word":3}}"#,
        #"{"word":1,"word":"ok","start":"s","start":2.5,"end":3}"#, #"{"word":"ok","start":2,"end":3,"end":"z"}"#,
        #"{}"#, #"{"start":1}"#, #"{"word":"a","start":1e400,"end":1}"#, #"{"word":"a","start":1,"end":2,"confidence":"c"}"#,
        #"[1]"#, #""w""#, #"{"wORD":"a","Start":1,"end":2,"confidenc":1,"confidence0":2}"#,
    ])
    func words(line: String) throws {
        let json = try JSONParser.parse(line)
        let onePass = Self.outcome { () throws(JSONDecodingError) in try Word(json: json) }
        #expect(onePass == Self.outcome { () throws(JSONDecodingError) in try Self.lookupWord(json) }, "\(line)")
    }

    @Test("segments decode as the lookups do", arguments: [
        #"{"id":1,"start":0.1,"end":0.2,"text":"t","words":[]}"#,
        #"{"words":[{"word":"w","start":0,"end":1}],"confidence":0.9,"text":"\u4e2d\"","end":2,"start":1,"id":-0}"#,
        #"{"id":1,"id":2.0,"start":0,"end":1,"text":"a","text":"b","words":[],"words":[{"word":"x","start":0,"end":1}]}"#,
        #"{"id":1.5,"start":"x"}"#, #"{"start":0,"end":1,"text":"t","words":[]}"#, #"{"id":1,"end":1,"text":"t","words":[]}"#,
        #"{"id":1,"start":0,"end":1,"text":"t","words":{}}"#, #"{"id":1,"start":0,"end":1,"text":"t","confidence":true,"words":[]}"#,
        #"{"id":1,"start":0,"end":1,"text":"t","words":[{"word":"x","start":0},{"word":"y"}]}"#,
        #"{"id":1,"start":0,"end":1,"text":"t"}"#, #"{"id":"1","start":0,"end":1,"text":"t","words":[]}"#,
        #"{"id":1e2,"start":1e-7,"end":1,"text":"t","words":[],"startx":9,"word":5}"#, #"null"#,
    ])
    func segments(line: String) throws {
        let json = try JSONParser.parse(line)
        let onePass = Self.outcome { () throws(JSONDecodingError) in try Segment(json: json) }
        #expect(onePass == Self.outcome { () throws(JSONDecodingError) in try Self.lookupSegment(json) }, "\(line)")
    }

    @Test("transcripts decode as the lookups do", arguments: [
        #"{"language":"en","duration":0.1,"segments":[]}"#,
        #"{"metrics":{"language":1},"segments":[{"id":1,"start":0,"end":1e-7,"text":"\u00e9","words":[]}],"duration":-0.0,"language":"de"}"#,
        #"{"language":"en","language":"fr","duration":"x","duration":2,"segments":[],"segments":[{"id":2,"start":0,"end":1,"text":"t","words":[]}]}"#,
        #"{"language":1,"duration":2}"#, #"{"duration":2,"segments":[]}"#, #"{"language":"en","segments":[]}"#,
        #"{"language":"en","duration":1e400,"segments":[]}"#, #"{"language":"en","duration":1,"segments":[{"id":1}]}"#,
        #"{"language":"en","duration":1,"segments":{}}"#, #"{"Language":"en","languagE":"x","duration":1,"segments":[]}"#, #"[]"#,
    ])
    func transcripts(line: String) throws {
        let json = try JSONParser.parse(line)
        let onePass = Self.outcome { () throws(JSONDecodingError) in try Transcript(json: json) }
        #expect(onePass == Self.outcome { () throws(JSONDecodingError) in try Self.lookupTranscript(json) }, "\(line)")
    }
}
