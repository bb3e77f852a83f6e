/// A JSON-RPC request: has an `id` and expects exactly one response.
public struct RPCRequest: Sendable, Hashable {
    public var id: RPCID
    public var method: String
    /// An object or array when present.
    public var params: JSONValue?

    public init(id: RPCID, method: String, params: JSONValue? = nil) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// `{"jsonrpc":"2.0","id":…,"method":…,"params":…}` (params omitted when nil).
    public var json: JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            (key: "jsonrpc", value: "2.0"), (key: "id", value: id.json), (key: "method", value: .string(method)),
        ]
        if let params { members.append((key: "params", value: params)) }
        return .object(JSONObject(members: members))
    }

    /// One line of compact JSON ending in `\n`.
    public func encodedLine() -> [UInt8] { json.encodedLine() }
}
