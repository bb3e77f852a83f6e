/// A JSON-RPC error object: `{"code": int, "message": string, "data"?: any}`.
public struct RPCError: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: RPCErrorCode
    public var message: String
    public var data: JSONValue?

    public init(code: RPCErrorCode, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    /// The standard error we send (SPEC 3.5, 8.1): `message` is `code.defaultMessage`, `data` is
    /// `{"name": code.id, "reason": reason}` (no `name` for codes outside our table) followed by
    /// `extra`'s members (`["supported": ["1.0"]]`, `["limitBytes": 8388608]`).
    public init(_ code: RPCErrorCode, reason: String, extra: JSONObject = JSONObject()) {
        var members: [JSONMember] = []
        if code.isKnown { members.append(JSONMember(key: "name", value: .string(code.id))) }
        members.append(JSONMember(key: "reason", value: .string(reason)))
        var data = JSONObject(storage: members)
        for member in extra.storage { data[member.key] = member.value }
        self.init(code: code, message: code.defaultMessage, data: .object(data))
    }

    /// `data.reason` when the peer sent one.
    public var reason: String? { data?["reason"]?.stringValue }

    public var description: String { "\(code.value) \(code.id): \(reason ?? message)" }

    /// The error object as JSON, members in the order code, message, data.
    public var json: JSONValue {
        var members: [JSONMember] = [
            JSONMember(key: "code", value: .number(JSONNumber(code.value))),
            JSONMember(key: "message", value: .string(message)),
        ]
        if let data { members.append(JSONMember(key: "data", value: data)) }
        return .object(JSONObject(storage: members))
    }

    /// Reads an error object; nil unless `code` is an integer and `message` a string.
    public init?(json: JSONValue) {
        guard case .object(let object) = json,
              let code = object["code"]?.intValue,
              let message = object["message"]?.stringValue
        else { return nil }
        self.init(code: RPCErrorCode(code), message: message, data: object["data"])
    }
}
