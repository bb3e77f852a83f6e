/// A JSON-RPC response: the request's id and either a result or an error.
public struct RPCResponse: Sendable, Hashable {
    public var id: RPCID
    public var result: Result<JSONValue, RPCError>

    public init(id: RPCID, result: Result<JSONValue, RPCError>) {
        self.id = id
        self.result = result
    }

    /// A success response.
    public init(id: RPCID, result: JSONValue) { self.init(id: id, result: .success(result)) }

    /// An error response.
    public init(id: RPCID, error: RPCError) { self.init(id: id, result: .failure(error)) }

    /// The standard error reply: `{"code":…,"message":<default>,"data":{"reason":…}}`.
    public static func error(id: RPCID, _ code: RPCErrorCode, reason: String, extra: JSONObject = JSONObject()) -> RPCResponse {
        RPCResponse(id: id, error: RPCError(code, reason: reason, extra: extra))
    }

    /// The error, when this is an error response.
    public var error: RPCError? { if case .failure(let error) = result { error } else { nil } }

    /// `{"jsonrpc":"2.0","id":…,"result":…}` or `{"jsonrpc":"2.0","id":…,"error":{…}}`.
    public var json: JSONValue {
        let outcome: JSONMember
        switch result {
        case .success(let value): outcome = JSONMember(key: "result", value: value)
        case .failure(let error): outcome = JSONMember(key: "error", value: error.json)
        }
        return .object(JSONObject(storage: [JSONMember(key: "jsonrpc", value: "2.0"), JSONMember(key: "id", value: id.json), outcome]))
    }

    /// One line of compact JSON ending in `\n`.
    public func encodedLine() -> [UInt8] { json.encodedLine() }

    /// The reply to a batch: one line holding a JSON array of the responses, in the given order.
    /// An empty list has no line (an all-notification batch gets nothing): returns nil.
    public static func batchLine(_ responses: [RPCResponse]) -> [UInt8]? {
        guard !responses.isEmpty else { return nil }
        var elements: [JSONValue] = []
        elements.reserveCapacity(responses.count)
        for response in responses { elements.append(response.json) }
        return JSONValue.array(elements).encodedLine()
    }
}
