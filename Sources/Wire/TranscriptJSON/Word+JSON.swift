extension Word {
    /// Reads `{"word", "start", "end", "confidence"?}`; other members are ignored.
    public init(json: JSONValue) throws(JSONDecodingError) {
        let reader = try JSONObjectReader(json, path: "")
        // One pass over the members noting where each name last occurs (the last of a name wins, as in
        // `JSONObject`'s lookup), then the reader's checks in the same order as four lookups would make them.
        let members = reader.object.storage
        var wordAt = -1, startAt = -1, endAt = -1, confidenceAt = -1
        for index in members.indices {
            let key = members[index].key
            switch key.utf8.count {
            case 3: if key == "end" { endAt = index }
            case 4: if key == "word" { wordAt = index }
            case 5: if key == "start" { startAt = index }
            case 10: if key == "confidence" { confidenceAt = index }
            default: break
            }
        }
        // `Optional.none`, not `nil`: a bare `nil` here would become `JSONValue.null` (a nil literal).
        func value(_ index: Int) -> JSONValue? { index < 0 ? Optional.none : members[index].value }
        self.init(
            text: try reader.string("word", value(wordAt)), startSeconds: try reader.double("start", value(startAt)),
            endSeconds: try reader.double("end", value(endAt)),
            confidence: try reader.optionalDouble("confidence", value(confidenceAt)))
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
