extension Word {
    /// Reads `{"word", "start", "end", "confidence"?}`; other members are ignored.
    public init(json: JSONValue) throws(JSONDecodingError) {
        let reader = try JSONObjectReader(json, path: "")
        // One pass over the members (the last of a name wins, as in `JSONObject`'s lookup), then the
        // reader's checks in the same order as four lookups would make them.
        var word: JSONValue?, start: JSONValue?, end: JSONValue?, confidence: JSONValue?
        for member in reader.object.storage {
            switch member.key.utf8.count {
            case 3: if member.key == "end" { end = member.value }
            case 4: if member.key == "word" { word = member.value }
            case 5: if member.key == "start" { start = member.value }
            case 10: if member.key == "confidence" { confidence = member.value }
            default: break
            }
        }
        self.init(
            text: try reader.string("word", word), startSeconds: try reader.double("start", start),
            endSeconds: try reader.double("end", end), confidence: try reader.optionalDouble("confidence", confidence))
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
