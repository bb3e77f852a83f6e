import Wire

extension EngineMessage {
    /// The JSON-RPC message the engine sent (as traces show it). Progress fractions are written from
    /// their permille (`0.5`), so the output is deterministic.
    package var json: JSONValue {
        switch self {
        case .response(let id, .success(let result)):
            RPCResponse(id: .number(JSONNumber(id.value)), result: result).json
        case .response(let id, .failure(let error)):
            RPCResponse(id: .number(JSONNumber(id.value)), error: error.rpcError).json
        case .errorWithoutID(let error):
            RPCResponse(id: .null, error: error.rpcError).json
        case .heartbeat(let seq, let uptimeMs):
            RPCNotification(method: "heartbeat", params: [
                "seq": .number(JSONNumber(seq)), "uptimeMs": .number(JSONNumber(uptimeMs)),
            ]).json
        case .progress(let id, let permille, let stage):
            RPCNotification(method: "progress", params: [
                "id": id.json, "fraction": .double(Double(permille) / 1_000), "stage": .string(stage),
            ]).json
        case .draft(let id, let seq, let segment):
            RPCNotification(method: "draft", params: [
                "id": id.json, "seq": .number(JSONNumber(seq)), "segment": segment.json,
            ]).json
        }
    }
}

extension EngineErrorObject {
    var rpcError: RPCError { RPCError(code: RPCErrorCode(code), message: message, data: data) }
}
