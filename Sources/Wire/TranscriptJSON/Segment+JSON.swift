extension Segment {
    /// Reads `{"id", "start", "end", "text", "confidence"?, "words"}`; other members are ignored.
    public init(json: JSONValue) throws(JSONDecodingError) {
        let reader = try JSONObjectReader(json, path: "")
        // One pass over the members noting where each name last occurs (the last of a name wins),
        // then the checks in lookup order.
        let members = reader.object.storage
        var idAt = -1, startAt = -1, endAt = -1, textAt = -1, confidenceAt = -1, wordsAt = -1
        for index in members.indices {
            let key = members[index].key
            switch key.utf8.count {
            case 2: if key == "id" { idAt = index }
            case 3: if key == "end" { endAt = index }
            case 4: if key == "text" { textAt = index }
            case 5: if key == "start" { startAt = index } else if key == "words" { wordsAt = index }
            case 10: if key == "confidence" { confidenceAt = index }
            default: break
            }
        }
        // `Optional.none`, not `nil`: a bare `nil` here would become `JSONValue.null` (a nil literal).
        func value(_ index: Int) -> JSONValue? { index < 0 ? Optional.none : members[index].value }
        let id = try reader.int("id", value(idAt))
        let startSeconds = try reader.double("start", value(startAt))
        let endSeconds = try reader.double("end", value(endAt))
        let text = try reader.string("text", value(textAt))
        let confidence = try reader.optionalDouble("confidence", value(confidenceAt))
        let elements = try reader.elements("words", value(wordsAt))
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
