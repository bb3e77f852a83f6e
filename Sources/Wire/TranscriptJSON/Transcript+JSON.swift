extension Transcript {
    /// Reads a `transcribe` result: `{"language", "duration", "segments": [...]}`.
    /// Other members (`metrics`, …) are ignored. Errors name the path (`segments[2].words[0].start`).
    public init(json: JSONValue) throws(JSONDecodingError) {
        let reader = try JSONObjectReader(json, path: "")
        // One pass over the members noting where each name last occurs (the last of a name wins),
        // then the checks in lookup order.
        let members = reader.object.storage
        var languageAt = -1, durationAt = -1, segmentsAt = -1
        for index in members.indices {
            let key = members[index].key
            guard key.utf8.count == 8 else { continue }
            if key == "language" {
                languageAt = index
            } else if key == "duration" {
                durationAt = index
            } else if key == "segments" {
                segmentsAt = index
            }
        }
        // `Optional.none`, not `nil`: a bare `nil` here would become `JSONValue.null` (a nil literal).
        func value(_ index: Int) -> JSONValue? { index < 0 ? Optional.none : members[index].value }
        let language = try reader.string("language", value(languageAt))
        let durationSeconds = try reader.double("duration", value(durationAt))
        let elements = try reader.elements("segments", value(segmentsAt))
        var segments: [Segment] = []
        segments.reserveCapacity(elements.count)
        for index in elements.indices {
            do {
                segments.append(try Segment(json: elements[index]))
            } catch {
                throw error.within(reader.elementPath("segments", index))
            }
        }
        self.init(language: language, durationSeconds: durationSeconds, segments: segments)
    }

    /// `{"language","duration","segments":[…]}` (no `metrics`: the caller adds what it measured).
    /// Doubles are written as shortest round-trip text, so `Transcript(json: t.json) == t`;
    /// a non-finite time is written as null (and then fails to decode).
    public var json: JSONValue {
        .object(JSONObject(storage: [
            JSONMember(key: "language", value: .string(language)), JSONMember(key: "duration", value: .double(durationSeconds)),
            JSONMember(key: "segments", value: .array(segments.map(\.json))),
        ]))
    }

    /// The `transcribe` result as SPEC 6.1 requires it: `json` plus a `metrics` object.
    public func json(metrics: JSONObject) -> JSONValue {
        guard case .object(var object) = json else { preconditionFailure("Transcript.json is an object") }
        object["metrics"] = .object(metrics)
        return .object(object)
    }
}
