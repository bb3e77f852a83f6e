import Wire

/// Why a request's params are invalid: the -32602 reply's `data.reason` and `data.member`.
struct ParamsError: Error, Sendable, Hashable {
    var reason: String
    var member: String?

    init(_ reason: String, member: String? = nil) {
        self.reason = reason
        self.member = member
    }

    func response(id: RPCID) -> RPCResponse {
        var extra = JSONObject()
        if let member { extra["member"] = .string(member) }
        return EngineSession.errorResponse(id, .invalidParams, reason: reason, extra: extra)
    }

    /// Params of a method that takes none: absent or an object (members ignored), never an array.
    static func checkNone(_ params: JSONValue?) -> ParamsError? {
        if case .array? = params { return ParamsError("params must be an object (named params)") }
        return nil
    }

    /// The params object; an array or absence is an error for methods with required members.
    static func object(_ params: JSONValue?) throws(ParamsError) -> JSONObject {
        switch params {
        case .object(let object)?: return object
        case .array?: throw ParamsError("params must be an object (named params)")
        default: throw ParamsError("params are required")
        }
    }
}
