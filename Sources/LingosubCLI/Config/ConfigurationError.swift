/// A configuration mistake: the key, where its value came from, and why it is wrong (STYLE rule 9).
struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    struct Code: Hashable, Sendable, CustomStringConvertible {
        let id: String
        var description: String { id }

        static let unreadableFile = Code(id: "unreadable_file")
        static let invalidJSON = Code(id: "invalid_json")
        static let unknownKey = Code(id: "unknown_key")
        static let invalidValue = Code(id: "invalid_value")
    }

    var code: Code
    /// The setting, e.g. `limits.requestTimeoutMs` or `--engine`.
    var key: String
    var source: ConfigurationSource
    var detail: String

    init(_ code: Code, key: String, source: ConfigurationSource, _ detail: String) {
        self.code = code
        self.key = key
        self.source = source
        self.detail = detail
    }

    var description: String { "\(key) (\(source)): \(detail)" }
}
