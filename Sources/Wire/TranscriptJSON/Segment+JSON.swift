extension Segment {
    /// Reads `{"id", "start", "end", "text", "confidence"?, "words"}`; other members are ignored.
    public init(json: JSONValue) throws(JSONDecodingError) {
        let reader = try JSONObjectReader(json, path: "")
        // One pass over the members (the last of a name wins), then the checks in lookup order.
        var idValue: JSONValue?, start: JSONValue?, end: JSONValue?, textValue: JSONValue?
        var confidenceValue: JSONValue?, wordsValue: JSONValue?
        for member in reader.object.storage {
            switch member.key.utf8.count {
            case 2: if member.key == "id" { idValue = member.value }
            case 3: if member.key == "end" { end = member.value }
            case 4: if member.key == "text" { textValue = member.value }
            case 5:
                if member.key == "start" { start = member.value } else if member.key == "words" { wordsValue = member.value }
            case 10: if member.key == "confidence" { confidenceValue = member.value }
            default: break
            }
        }
        let id = try reader.int("id", idValue)
        let startSeconds = try reader.double("start", start)
        let endSeconds = try reader.double("end", end)
        let text = try reader.string("text", textValue)
        let confidence = try reader.optionalDouble("confidence", confidenceValue)
        let elements = try reader.elements("words", wordsValue)
        var words: [Word] = []
        if !elements.isEmpty { words.reserveCapacity(elements.count) }
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
