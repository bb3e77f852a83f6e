import Wire

/// An error a `SpeechEngine` throws from `transcribe`; its code picks the protocol error (SPEC 8.1).
public struct EngineError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable code of the failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        package enum Storage: String, Sendable, Hashable {
            case audioNotFound = "audio_not_found"
            case audioUnsupportedFormat = "audio_unsupported_format"
            case languageUnsupported = "language_unsupported"
            case engineFailure = "engine_failure"
        }
        package let storage: Storage

        public var id: String { storage.rawValue }
        public var description: String { storage.rawValue }

        /// -32010: the audio path is missing or unreadable.
        public static var audioNotFound: Self { .init(storage: .audioNotFound) }
        /// -32011: the file is not audio this engine can decode.
        public static var audioUnsupportedFormat: Self { .init(storage: .audioUnsupportedFormat) }
        /// -32012: the language is not supported.
        public static var languageUnsupported: Self { .init(storage: .languageUnsupported) }
        /// -32000: any other failure of the speech machinery.
        public static var engineFailure: Self { .init(storage: .engineFailure) }

        /// The JSON-RPC code sent for this failure.
        public var rpcCode: RPCErrorCode {
            switch storage {
            case .audioNotFound: .audioNotFound
            case .audioUnsupportedFormat: .audioUnsupportedFormat
            case .languageUnsupported: .languageUnsupported
            case .engineFailure: .engineFailure
            }
        }
    }

    public var code: Code
    /// Human-readable `data.reason`.
    public var reason: String
    /// The audio path, sent as `data.path` for audio errors.
    public var path: String?

    public init(_ code: Code, reason: String, path: String? = nil) {
        self.code = code
        self.reason = reason
        self.path = path
    }

    public var description: String { "\(code.id): \(reason)" }

    /// Maps any error a hook threw: an `EngineError` as is, anything else as `engine_failure`.
    public static func wrapping(_ error: any Error) -> EngineError {
        if let engineError = error as? EngineError { return engineError }
        return EngineError(.engineFailure, reason: String(describing: error))
    }
}
