/// A configuration value that is missing, malformed or out of range. Names the key and where the
/// value came from (`default`, `file:/etc/engine.json`, `env:LINGOSUB_MAX_MESSAGE_BYTES`).
public struct ConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code of the problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        package enum Storage: String, Sendable, Hashable {
            case unreadableFile = "unreadable_file"
            case invalidFile = "invalid_file"
            case unknownKey = "unknown_key"
            case invalidValue = "invalid_value"
        }
        package let storage: Storage

        public var id: String { storage.rawValue }
        public var description: String { storage.rawValue }

        /// The config file cannot be read.
        public static var unreadableFile: Self { .init(storage: .unreadableFile) }
        /// The config file is not a JSON object.
        public static var invalidFile: Self { .init(storage: .invalidFile) }
        /// A key that `EngineConfig` does not have.
        public static var unknownKey: Self { .init(storage: .unknownKey) }
        /// A value of the wrong type or out of range.
        public static var invalidValue: Self { .init(storage: .invalidValue) }
    }

    public var code: Code
    /// The config key (`maxMessageBytes`, `settings.modelPath`), or the file path for file errors.
    public var key: String
    /// `default`, `file:PATH` or `env:NAME`.
    public var source: String
    public var reason: String

    public init(_ code: Code, key: String, source: String, reason: String) {
        self.code = code
        self.key = key
        self.source = source
        self.reason = reason
    }

    public var description: String { "config \(key) (from \(source)): \(reason)" }
}
