import Wire

/// What an engine sends to the coordinator, after framing and JSON-RPC decoding (`EngineCodec`).
/// A response's result stays JSON here: only the coordinator knows which request an id answers, and it
/// decodes the result with `EngineCodec`'s typed readers (`InitializeResult`, `HealthReport`, `Transcript`).
package enum EngineMessage: Hashable, Sendable {
    case response(RequestID, EngineReply)
    /// An error response whose id is null (parse error, oversized line): nothing to route it to.
    case errorWithoutID(EngineErrorObject)
    case heartbeat(seq: UInt64, uptimeMs: UInt64)
    /// `progress`; the fraction is carried as an integer permille (0...1000) so traces never format floats.
    case progress(RequestID, fractionPermille: UInt32, stage: String)
    case draft(RequestID, seq: UInt64, Segment)
}

/// A response's outcome.
package enum EngineReply: Hashable, Sendable {
    case success(JSONValue)
    case failure(EngineErrorObject)
}

/// A JSON-RPC error object.
package struct EngineErrorObject: Hashable, Sendable {
    package var code: Int
    package var message: String
    package var data: JSONValue?

    package init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    package static let engineFailureCode = -32000
    package static let busyCode = -32020
    package static let shuttingDownCode = -32030
    package static let requestCancelledCode = -32800
}
