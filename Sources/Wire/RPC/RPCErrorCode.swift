/// A JSON-RPC error code: its integer value plus a stable string id for reports.
/// Every code of Conformance/DECISIONS.md has a static member; codes from peers that we do not know
/// are still representable (`RPCErrorCode(-31999)`, id `"unknown"`).
public struct RPCErrorCode: Sendable, Hashable, CustomStringConvertible {
    /// The integer that goes on the wire.
    public let value: Int

    public init(_ value: Int) { self.value = value }

    /// The stable string id (`"message_too_large"`), or `"unknown"` for codes not in the table.
    public var id: String { Self.table[value]?.id ?? "unknown" }

    /// The `message` we send with this code.
    public var defaultMessage: String { Self.table[value]?.message ?? "Unknown error" }

    /// Whether this is one of the codes in `RPCErrorCode.all`.
    public var isKnown: Bool { Self.table[value] != nil }

    public var description: String { "\(value) \(id)" }

    // JSON-RPC 2.0 standard codes.
    public static let parseError = RPCErrorCode(-32700)
    public static let invalidRequest = RPCErrorCode(-32600)
    public static let methodNotFound = RPCErrorCode(-32601)
    public static let invalidParams = RPCErrorCode(-32602)
    public static let internalError = RPCErrorCode(-32603)
    // Application codes (DECISIONS.md table).
    public static let engineFailure = RPCErrorCode(-32000)
    public static let messageTooLarge = RPCErrorCode(-32001)
    public static let notInitialized = RPCErrorCode(-32002)
    public static let alreadyInitialized = RPCErrorCode(-32003)
    public static let unsupportedProtocolVersion = RPCErrorCode(-32004)
    public static let audioNotFound = RPCErrorCode(-32010)
    public static let audioUnsupportedFormat = RPCErrorCode(-32011)
    public static let languageUnsupported = RPCErrorCode(-32012)
    public static let busy = RPCErrorCode(-32020)
    public static let duplicateRequestID = RPCErrorCode(-32021)
    public static let shuttingDown = RPCErrorCode(-32030)
    public static let requestCancelled = RPCErrorCode(-32800)

    /// Every known code, standard ones first, then by DECISIONS.md table order.
    public static let all: [RPCErrorCode] = [
        parseError, invalidRequest, methodNotFound, invalidParams, internalError,
        engineFailure, messageTooLarge, notInitialized, alreadyInitialized, unsupportedProtocolVersion,
        audioNotFound, audioUnsupportedFormat, languageUnsupported, busy, duplicateRequestID, shuttingDown,
        requestCancelled,
    ]

    private static let table: [Int: (id: String, message: String)] = [
        -32700: ("parse_error", "Parse error"),
        -32600: ("invalid_request", "Invalid Request"),
        -32601: ("method_not_found", "Method not found"),
        -32602: ("invalid_params", "Invalid params"),
        -32603: ("internal_error", "Internal error"),
        -32000: ("engine_failure", "Engine failure"),
        -32001: ("message_too_large", "Message too large"),
        -32002: ("not_initialized", "Not initialized"),
        -32003: ("already_initialized", "Already initialized"),
        -32004: ("unsupported_protocol_version", "Unsupported protocol version"),
        -32010: ("audio_not_found", "Audio not found"),
        -32011: ("audio_unsupported_format", "Unsupported audio format"),
        -32012: ("language_unsupported", "Language unsupported"),
        -32020: ("busy", "Busy"),
        -32021: ("duplicate_request_id", "Duplicate request id"),
        -32030: ("shutting_down", "Shutting down"),
        -32800: ("request_cancelled", "Request cancelled"),
    ]
}
