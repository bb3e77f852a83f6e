/// What an engine announces in its `initialize` result (SPEC 5.2). The concurrency limit and the
/// message size limit come from `EngineConfig`, so operators can change them without code.
public struct EngineDescriptor: Sendable, Hashable {
    /// `result.engine.name`.
    public var name: String
    /// `result.engine.version`.
    public var version: String
    /// `capabilities.languages`: non-empty, unique; the first is used when a request says `null`.
    public var languages: [String]
    /// `capabilities.drafts`: when false the SDK drops every draft you report.
    public var drafts: Bool
    /// `capabilities.wordTimestamps`: when false the SDK sends `"words": []`.
    public var wordTimestamps: Bool
    /// `capabilities.wordConfidence`: when false the SDK removes word confidences.
    public var wordConfidence: Bool

    public init(
        name: String, version: String, languages: [String] = ["en"], drafts: Bool = true,
        wordTimestamps: Bool = true, wordConfidence: Bool = true
    ) {
        precondition(!languages.isEmpty, "an engine supports at least one language")
        self.name = name
        self.version = version
        self.languages = languages
        self.drafts = drafts
        self.wordTimestamps = wordTimestamps
        self.wordConfidence = wordConfidence
    }
}
