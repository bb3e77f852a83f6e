import Wire

/// Typed readers for the results the coordinator uses.
extension EngineCodec {
    /// The `initialize` result; nil when required members are missing or mistyped.
    package static func initializeResult(from json: JSONValue) -> InitializeResult? {
        guard let version = json["protocolVersion"]?.stringValue,
            let capabilities = json["capabilities"]?.objectValue,
            let concurrency = capabilities["maxConcurrentRequests"]?.intValue, concurrency >= 1
        else { return nil }
        return InitializeResult(
            protocolVersion: version,
            engineName: json["engine"]?["name"]?.stringValue ?? "",
            engineVersion: json["engine"]?["version"]?.stringValue ?? "",
            languages: (capabilities["languages"]?.arrayValue ?? []).compactMap(\.stringValue),
            drafts: capabilities["drafts"]?.boolValue ?? false,
            maxConcurrentRequests: concurrency,
            maxMessageBytes: json["limits"]?["maxMessageBytes"]?.intValue)
    }

    /// The `health_check` result's status; nil when unreadable.
    package static func healthStatus(from json: JSONValue) -> HealthStatus? {
        json["status"]?.stringValue.flatMap(HealthStatus.init(rawValue:))
    }

    /// The `transcribe` result; nil when it does not match the SPEC's shape.
    package static func transcript(from json: JSONValue) -> Transcript? {
        guard let language = json["language"]?.stringValue, let duration = json["duration"]?.doubleValue,
            let segmentValues = json["segments"]?.arrayValue
        else { return nil }
        var segments: [Segment] = []
        segments.reserveCapacity(segmentValues.count)
        for value in segmentValues {
            guard let segment = segment(from: value) else { return nil }
            segments.append(segment)
        }
        return Transcript(language: language, durationSeconds: duration, segments: segments)
    }

    package static func segment(from json: JSONValue) -> Segment? {
        guard let id = json["id"]?.intValue, let start = json["start"]?.doubleValue,
            let end = json["end"]?.doubleValue, let text = json["text"]?.stringValue
        else { return nil }
        var words: [Word] = []
        for value in json["words"]?.arrayValue ?? [] {
            guard let word = value["word"]?.stringValue, let wordStart = value["start"]?.doubleValue,
                let wordEnd = value["end"]?.doubleValue
            else { return nil }
            words.append(Word(text: word, startSeconds: wordStart, endSeconds: wordEnd,
                              confidence: value["confidence"]?.doubleValue))
        }
        return Segment(id: id, startSeconds: start, endSeconds: end, text: text,
                       confidence: json["confidence"]?.doubleValue, words: words)
    }
}
