extension Word {
    /// Reads `{"word", "start", "end", "confidence"?}`; other members are ignored.
    public init(json: JSONValue) throws(JSONDecodingError) {
        let reader = try JSONObjectReader(json, path: "")
        self.init(
            text: try reader.string("word"), startSeconds: try reader.double("start"),
            endSeconds: try reader.double("end"), confidence: try reader.optionalDouble("confidence"))
    }

    /// `init(json:)` with errors named from `path` (`segments[2].words[0]`).
    package init(json: JSONValue, path: String) throws(JSONDecodingError) {
        do { try self.init(json: json) } catch { throw error.within(path) }
    }

    /// `{"word","start","end","confidence"?}`; times as shortest round-trip doubles (`0.5`, `2.0`).
    public var json: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "word", value: .string(text)), JSONMember(key: "start", value: .double(startSeconds)),
            JSONMember(key: "end", value: .double(endSeconds)),
        ]
        if let confidence { members.append(JSONMember(key: "confidence", value: .double(confidence))) }
        return .object(JSONObject(storage: members))
    }
}
