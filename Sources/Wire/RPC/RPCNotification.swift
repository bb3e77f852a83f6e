/// A JSON-RPC notification: a request without an `id` member; never answered.
public struct RPCNotification: Sendable, Hashable {
    public var method: String
    /// An object or array when present.
    public var params: JSONValue?

    public init(method: String, params: JSONValue? = nil) {
        self.method = method
        self.params = params
    }

    /// `{"jsonrpc":"2.0","method":…,"params":…}` (params omitted when nil).
    public var json: JSONValue {
        var members: [JSONMember] = [JSONMember(key: "jsonrpc", value: "2.0"), JSONMember(key: "method", value: .string(method))]
        if let params { members.append(JSONMember(key: "params", value: params)) }
        return .object(JSONObject(storage: members))
    }

    /// One line of compact JSON ending in `\n`.
    public func encodedLine() -> [UInt8] { json.encodedLine() }
}
