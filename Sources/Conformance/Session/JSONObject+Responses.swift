import Wire

extension JSONObject {
    /// The response's `id` as an RPC id (nil when missing or not an id type).
    package var responseID: RPCID? { self["id"].flatMap(RPCID.init(json:)) }
    /// The error object's code, for error responses.
    package var errorCode: Int? { self["error"]?["code"]?.intValue }
}
