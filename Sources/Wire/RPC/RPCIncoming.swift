/// What one NDJSON line carries: a single message, a batch of messages, or the empty batch `[]`
/// (which gets a single -32600 reply with id null, not an empty array).
public enum RPCIncoming: Sendable, Hashable {
    case single(RPCMessage)
    /// A non-empty array; each element classified on its own (`[1,2,3]` is three `.invalid`).
    case batch([RPCMessage])
    case emptyBatch

    public init(json: JSONValue) {
        guard case .array(let elements) = json else {
            self = .single(RPCMessage(json: json))
            return
        }
        guard !elements.isEmpty else {
            self = .emptyBatch
            return
        }
        var messages: [RPCMessage] = []
        messages.reserveCapacity(elements.count)
        for element in elements { messages.append(RPCMessage(json: element)) }
        self = .batch(messages)
    }

    /// The reply to `[]`: -32600, id null, reason "empty batch".
    public static var emptyBatchResponse: RPCResponse {
        RPCInvalidMessage(id: .null, code: .emptyBatch).errorResponse
    }
}
