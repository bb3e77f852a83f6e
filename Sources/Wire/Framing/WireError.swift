/// A line that could not become a JSON value, with the JSON-RPC error to reply with (id null).
public struct WireError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Stable string id of the problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        package enum Storage: String, Sendable, Hashable {
            case invalidJSON = "invalid_json"
            case invalidUTF8 = "invalid_utf8"
            case messageTooLarge = "message_too_large"
            case truncatedMessage = "truncated_message"
        }
        package let storage: Storage

        public var id: String { storage.rawValue }
        public var description: String { storage.rawValue }

        /// The line is not one valid JSON value (also: nested too deep).
        public static var invalidJSON: Self { .init(storage: .invalidJSON) }
        /// The line is not well-formed UTF-8.
        public static var invalidUTF8: Self { .init(storage: .invalidUTF8) }
        /// The line is longer than the negotiated maximum message size.
        public static var messageTooLarge: Self { .init(storage: .messageTooLarge) }
        /// The stream ended in the middle of a line.
        public static var truncatedMessage: Self { .init(storage: .truncatedMessage) }
    }

    public let code: Code
    /// Length of the offending line in bytes (excluding `\n`).
    public let byteCount: Int
    /// The parser's error, for `invalid_json` and `invalid_utf8`.
    public let json: JSONError?
    /// The limit in force, for `message_too_large` (sent as `data.limitBytes`).
    public let limitBytes: Int?

    public init(code: Code, byteCount: Int, json: JSONError? = nil, limitBytes: Int? = nil) {
        self.code = code
        self.byteCount = byteCount
        self.json = json
        self.limitBytes = limitBytes
    }

    /// Builds the error for a line the parser rejected under `limits`.
    package init(parsing error: JSONError, byteCount: Int, limits: JSONLimits) {
        switch error.code {
        case .invalidUTF8: self.init(code: .invalidUTF8, byteCount: byteCount, json: error)
        case .inputTooLarge: self.init(code: .messageTooLarge, byteCount: byteCount, json: error, limitBytes: limits.bytesMax)
        default: self.init(code: .invalidJSON, byteCount: byteCount, json: error)
        }
    }

    /// The JSON-RPC code to reply with: -32001 for `message_too_large`, else -32700.
    public var rpcCode: RPCErrorCode {
        code == .messageTooLarge ? .messageTooLarge : .parseError
    }

    /// Human-readable `data.reason` (`"invalid_json: trailing_comma at byte 3"`).
    public var reason: String {
        if code == .messageTooLarge, let limitBytes {
            return "\(code.id): line of \(byteCount) bytes exceeds the limit of \(limitBytes) bytes"
        }
        if let json { return "\(code.id): \(json)" }
        return "\(code.id): line of \(byteCount) bytes"
    }

    public var description: String { reason }

    /// The reply a receiver sends: error `rpcCode` with id null, `data.name`, `data.reason`
    /// and, for `message_too_large` with a known limit, `data.limitBytes`.
    public var errorResponse: RPCResponse {
        var extra = JSONObject()
        if code == .messageTooLarge, let limitBytes { extra["limitBytes"] = .number(JSONNumber(limitBytes)) }
        return .error(id: .null, rpcCode, reason: reason, extra: extra)
    }
}
