import Testing
import Wire

/// `Word(json:)` and `Segment(json:)` read members in one pass; these tests pin them to the
/// member-by-member lookups they replaced (same values, same first error, last duplicate wins).
@Suite("One-pass word and segment decoding")
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
}
