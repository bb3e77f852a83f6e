/// A configuration mistake: the key, where its value came from, and why it is wrong (STYLE rule 9).
package struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        package let id: String
        package var description: String { id }

        package static let unreadableFile = Code(id: "unreadable_file")
        package static let invalidJSON = Code(id: "invalid_json")
        package static let unknownKey = Code(id: "unknown_key")
        package static let invalidValue = Code(id: "invalid_value")
    }

    package var code: Code
    /// The setting, e.g. `limits.requestTimeoutMs` or `--engine`.
    package var key: String
    package var source: ConfigurationSource
    package var detail: String

    init(_ code: Code, key: String, source: ConfigurationSource, _ detail: String) {
        self.code = code
        self.key = key
        self.source = source
        self.detail = detail
    }

    package var description: String { "\(key) (\(source)): \(detail)" }
}
