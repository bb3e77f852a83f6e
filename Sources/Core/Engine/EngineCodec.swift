import Wire

/// JSON-RPC mapping of `EngineRequest` / `EngineMessage`, shared by the simulator and the runtime.
/// This file works on `JSONValue`; `EngineCodec+Lines.swift` adds the NDJSON line encoding.
package enum EngineCodec {
    /// The JSON-RPC object for a request or notification (members in a fixed order).
    package static func json(_ request: EngineRequest) -> JSONValue {
        var object: JSONObject = ["jsonrpc": "2.0"]
        if let id = request.id { object["id"] = .number(JSONNumber(id.value)) }
        object["method"] = .string(request.method)
        switch request {
        case .initialize(_, let parameters): object["params"] = .object(initializeParams(parameters))
        case .healthCheck, .stop: break
        case .transcribe(_, let parameters): object["params"] = .object(transcribeParams(parameters))
        case .cancel(let target): object["params"] = ["id": .number(JSONNumber(target.value))]
        }
        return .object(object)
    }

    static func initializeParams(_ parameters: InitializeParameters) -> JSONObject {
        var object: JSONObject = [
            "protocolVersion": .string(parameters.protocolVersion),
            "clientInfo": ["name": .string(parameters.clientName), "version": .string(parameters.clientVersion)],
            "heartbeatIntervalMs": .number(JSONNumber(Int(parameters.heartbeatIntervalMs))),
            "config": .object(parameters.config),
        ]
        if let bytes = parameters.maxMessageBytes { object["limits"] = ["maxMessageBytes": .number(JSONNumber(bytes))] }
        return object
    }

    static func transcribeParams(_ parameters: TranscribeParameters) -> JSONObject {
        [
            "audio": ["path": .string(parameters.audioPath)],
            "language": parameters.language.map(JSONValue.string) ?? .null,
            "options": .object(parameters.options),
        ]
    }

    /// Reads one decoded JSON-RPC message from an engine. Requests from the engine, ids that are not
    /// non-negative integers, and malformed notifications are `invalid_message` errors.
    package static func message(from json: JSONValue) -> Result<EngineMessage, CoreError> {
        guard let object = json.objectValue, json["jsonrpc"] == "2.0" else {
            return .failure(CoreError(.invalidMessage, "not a JSON-RPC 2.0 object"))
        }
        if let method = object["method"]?.stringValue {
            guard object["id"] == nil else { return .failure(CoreError(.invalidMessage, "engine sent a request")) }
            return notification(method: method, params: object["params"] ?? .null)
        }
        let id = object["id"] ?? .null
        if let error = object["error"] {
            guard let errorObject = errorObject(from: error) else {
                return .failure(CoreError(.invalidMessage, "malformed error object"))
            }
            if id == .null { return .success(.errorWithoutID(errorObject)) }
            guard let requestID = requestID(from: id) else { return .failure(CoreError(.invalidMessage, "bad id")) }
            return .success(.response(requestID, .failure(errorObject)))
        }
        guard let result = object["result"], let requestID = requestID(from: id) else {
            return .failure(CoreError(.invalidMessage, "response without result or with a bad id"))
        }
        return .success(.response(requestID, .success(result)))
    }

    static func notification(method: String, params: JSONValue) -> Result<EngineMessage, CoreError> {
        switch method {
        case "heartbeat":
            guard let seq = unsigned(params["seq"]), let uptime = unsigned(params["uptimeMs"]) else { break }
            return .success(.heartbeat(seq: seq, uptimeMs: uptime))
        case "progress":
            guard let id = params["id"].flatMap(requestID(from:)), let fraction = params["fraction"]?.doubleValue,
                fraction >= 0, fraction <= 1
            else { break }
            let permille = UInt32(fraction * 1_000)  // truncates toward zero (fraction ≥ 0): no libm
            return .success(.progress(id, fractionPermille: permille, stage: params["stage"]?.stringValue ?? ""))
        case "draft":
            guard let id = params["id"].flatMap(requestID(from:)), let seq = unsigned(params["seq"]),
                let segment = params["segment"].flatMap(segment(from:))
            else { break }
            return .success(.draft(id, seq: seq, segment))
        default:
            return .failure(CoreError(.invalidMessage, "unknown notification \(method)"))
        }
        return .failure(CoreError(.invalidMessage, "malformed \(method) params"))
    }

    static func requestID(from json: JSONValue) -> RequestID? {
        guard let number = json.numberValue, let value = UInt64(number.text) else { return nil }
        return RequestID(value)
    }

    static func unsigned(_ json: JSONValue?) -> UInt64? {
        guard let number = json?.numberValue else { return nil }
        return UInt64(number.text)
    }

    static func errorObject(from json: JSONValue) -> EngineErrorObject? {
        guard let code = json["code"]?.intValue, let message = json["message"]?.stringValue else { return nil }
        return EngineErrorObject(code: code, message: message, data: json["data"])
    }
}
