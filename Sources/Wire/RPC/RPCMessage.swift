/// One JSON-RPC 2.0 message, classified.
public enum RPCMessage: Sendable, Hashable {
    case request(RPCRequest)
    case notification(RPCNotification)
    /// A success or error response.
    case response(RPCResponse)
    /// Not a valid message; reply with `invalid.errorResponse` (unless it was meant as a response).
    case invalid(RPCInvalidMessage)

    /// The message as JSON; nil for `.invalid`.
    public var json: JSONValue? {
        switch self {
        case .request(let request): request.json
        case .notification(let notification): notification.json
        case .response(let response): response.json
        case .invalid: nil
        }
    }

    /// Classifies one JSON value (not a batch array: see `RPCIncoming`).
    /// Members outside the spec are ignored. A message with `method` is a request when it has an `id`
    /// member (even `"id": null`) and a notification otherwise.
    public init(json: JSONValue) {
        guard case .object(let object) = json else {
            self = .invalid(RPCInvalidMessage(id: .null, code: .notAnObject))
            return
        }
        var id = RPCID.null
        if let idValue = object["id"] {
            guard let readable = RPCID(json: idValue) else {
                self = .invalid(RPCInvalidMessage(id: .null, code: .invalidID))
                return
            }
            id = readable
        }
        guard object["jsonrpc"] == .string("2.0") else {
            self = .invalid(RPCInvalidMessage(id: id, code: .invalidVersion))
            return
        }
        if let method = object["method"] {
            self = Self.classifyCall(object, id: id, method: method)
        } else {
            self = Self.classifyResponse(object, id: id)
        }
    }

    private static func classifyCall(_ object: JSONObject, id: RPCID, method: JSONValue) -> RPCMessage {
        guard case .string(let name) = method else {
            return .invalid(RPCInvalidMessage(id: id, code: .methodNotString))
        }
        let params = object["params"]
        switch params {
        case nil, .array?, .object?: break
        default: return .invalid(RPCInvalidMessage(id: id, code: .invalidParams))
        }
        guard object.contains("id") else { return .notification(RPCNotification(method: name, params: params)) }
        return .request(RPCRequest(id: id, method: name, params: params))
    }

    private static func classifyResponse(_ object: JSONObject, id: RPCID) -> RPCMessage {
        let result = object["result"]
        let error = object["error"]
        if result == nil, error == nil { return .invalid(RPCInvalidMessage(id: id, code: .missingMethodOrResult)) }
        if result != nil, error != nil { return .invalid(RPCInvalidMessage(id: id, code: .resultAndError)) }
        guard object.contains("id") else { return .invalid(RPCInvalidMessage(id: .null, code: .responseWithoutID)) }
        if let result { return .response(RPCResponse(id: id, result: result)) }
        guard let error, let decoded = RPCError(json: error) else {
            return .invalid(RPCInvalidMessage(id: id, code: .invalidErrorObject))
        }
        return .response(RPCResponse(id: id, error: decoded))
    }

    /// One line of compact JSON ending in `\n`; for `.invalid`, its -32600 error response.
    public func encodedLine() -> [UInt8] {
        switch self {
        case .request(let request): request.encodedLine()
        case .notification(let notification): notification.encodedLine()
        case .response(let response): response.encodedLine()
        case .invalid(let invalid): invalid.errorResponse.encodedLine()
        }
    }
}
