import Wire

/// What the engine declared in its `initialize` result during the runner's preflight; cases use it
/// to pick a language and the concurrency limit.
package struct EngineProfile: Sendable, Equatable {
    package var name: String
    package var version: String
    package var languages: [String]
    package var drafts: Bool
    package var wordTimestamps: Bool
    package var wordConfidence: Bool
    package var maxConcurrentRequests: Int
    package var limitBytes: Int

    /// The language cases request (the first one the engine lists).
    package var language: String { languages.first ?? "en" }

    /// Reads an `initialize` result; nil when the members cases rely on are missing.
    package init?(initializeResult result: JSONValue) {
        guard let capabilities = result["capabilities"]?.objectValue,
              let languages = capabilities["languages"]?.arrayValue,
              let maxConcurrent = capabilities["maxConcurrentRequests"]?.intValue, maxConcurrent >= 1
        else { return nil }
        name = result["engine"]?["name"]?.stringValue ?? "?"
        version = result["engine"]?["version"]?.stringValue ?? "?"
        self.languages = languages.compactMap(\.stringValue)
        drafts = capabilities["drafts"]?.boolValue ?? false
        wordTimestamps = capabilities["wordTimestamps"]?.boolValue ?? false
        wordConfidence = capabilities["wordConfidence"]?.boolValue ?? false
        maxConcurrentRequests = min(maxConcurrent, 16)
        limitBytes = result["limits"]?["maxMessageBytes"]?.intValue ?? 8_388_608
    }
}
