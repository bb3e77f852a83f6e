extension Segment {
    /// Reads `{"id", "start", "end", "text", "confidence"?, "words"}`; other members are ignored.
    public init(json: JSONValue) throws(JSONDecodingError) { try self.init(json: json, path: "") }

    package init(json: JSONValue, path: String) throws(JSONDecodingError) {
        let reader = try JSONObjectReader(json, path: path)
        let id = try reader.int("id")
        let startSeconds = try reader.double("start")
        let endSeconds = try reader.double("end")
        let text = try reader.string("text")
        let confidence = try reader.optionalDouble("confidence")
        var words: [Word] = []
        for element in try reader.array("words") { words.append(try Word(json: element.value, path: element.path)) }
        self.init(id: id, startSeconds: startSeconds, endSeconds: endSeconds, text: text, confidence: confidence,
                  words: words)
    }

    /// `{"id","start","end","text","confidence"?,"words":[…]}`.
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            (key: "id", value: .number(JSONNumber(id))), (key: "start", value: .double(startSeconds)),
            (key: "end", value: .double(endSeconds)), (key: "text", value: .string(text)),
        ]
        if let confidence { members.append((key: "confidence", value: .double(confidence))) }
        members.append((key: "words", value: .array(words.map(\.json))))
        return .object(JSONObject(members: members))
    }
}
