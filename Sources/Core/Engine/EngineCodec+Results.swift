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

    /// The `transcribe` result (Wire's reader); the error names the offending path.
    package static func transcript(from json: JSONValue) throws(CoreError) -> Transcript {
        do {
            return try Transcript(json: json)
        } catch {
            throw CoreError(.invalidMessage, "transcribe result: \(error)")
        }
    }
}
