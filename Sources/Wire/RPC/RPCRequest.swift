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
        var members: [JSONMember] = [
            JSONMember(key: "jsonrpc", value: "2.0"), JSONMember(key: "id", value: id.json), JSONMember(key: "method", value: .string(method)),
        ]
        if let params { members.append(JSONMember(key: "params", value: params)) }
        return .object(JSONObject(storage: members))
    }

    /// One line of compact JSON ending in `\n`.
    public func encodedLine() -> [UInt8] { json.encodedLine() }
}
