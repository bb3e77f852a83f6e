extension Segment {
    /// Reads `{"id", "start", "end", "text", "confidence"?, "words"}`; other members are ignored.
    public init(json: JSONValue) throws(JSONDecodingError) {
        let reader = try JSONObjectReader(json, path: "")
        let id = try reader.int("id")
        let startSeconds = try reader.double("start")
        let endSeconds = try reader.double("end")
        let text = try reader.string("text")
        let confidence = try reader.optionalDouble("confidence")
        let elements = try reader.elements("words")
        var words: [Word] = []
        words.reserveCapacity(elements.count)
        for index in elements.indices {
            do { words.append(try Word(json: elements[index])) } catch { throw error.within(reader.elementPath("words", index)) }
        }
        self.init(id: id, startSeconds: startSeconds, endSeconds: endSeconds, text: text, confidence: confidence,
                  words: words)
    }

    /// `init(json:)` with errors named from `path` (`segments[2]`).
    package init(json: JSONValue, path: String) throws(JSONDecodingError) {
        do { try self.init(json: json) } catch { throw error.within(path) }
    }

    /// `{"id","start","end","text","confidence"?,"words":[…]}`.
    public var json: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "id", value: .number(JSONNumber(id))), JSONMember(key: "start", value: .double(startSeconds)),
            JSONMember(key: "end", value: .double(endSeconds)), JSONMember(key: "text", value: .string(text)),
        ]
        if let confidence { members.append(JSONMember(key: "confidence", value: .double(confidence))) }
        members.append(JSONMember(key: "words", value: .array(words.map(\.json))))
        return .object(JSONObject(storage: members))
    }
}
