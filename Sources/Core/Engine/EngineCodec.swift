import Wire

/// The JSON-RPC mapping of `EngineRequest` / `EngineMessage`, shared by the simulator and the runtime,
/// on top of Wire's `RPCRequest`/`RPCMessage`. `EngineStreamDecoder` adds NDJSON framing.
package enum EngineCodec {
    /// The JSON-RPC object for a request or notification (members in Wire's fixed order);
    /// `encodedLine(_:)` writes the same bytes directly.
    package static func json(_ request: EngineRequest) -> JSONValue {
        let params: JSONValue?
        switch request {
        case .initialize(_, let parameters): params = .object(initializeParams(parameters))
        case .healthCheck, .stop: params = nil
        case .transcribe(_, let parameters): params = .object(transcribeParams(parameters))
        case .cancel(let target): params = ["id": .number(JSONNumber(target.value))]
        }
        guard let id = request.id else { return RPCNotification(method: request.method, params: params).json }
        return RPCRequest(id: .number(JSONNumber(id.value)), method: request.method, params: params).json
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

    /// Reads one JSON value from an engine's stdout. Requests from the engine, ids we never send
    /// (strings, negative or fractional numbers), unknown or malformed notifications and anything
    /// Wire classifies as invalid are `invalid_message` errors.
    package static func message(from json: JSONValue) -> Result<EngineMessage, CoreError> {
        switch RPCMessage(json: json) {
        case .response(let response):
            let reply: EngineReply
            switch response.result {
            case .success(let result): reply = .success(result)
            case .failure(let error):
                let object = EngineErrorObject(code: error.code.value, message: error.message, data: error.data)
                if response.id == .null { return .success(.errorWithoutID(object)) }
                reply = .failure(object)
            }
            guard let id = requestID(from: response.id.json) else {
                return .failure(CoreError(.invalidMessage, "response id \(response.id) is not one we sent"))
            }
            return .success(.response(id, reply))
        case .notification(let notification):
            return self.notification(method: notification.method, params: notification.params ?? .null)
        case .request(let request):
            return .failure(CoreError(.invalidMessage, "engine sent a request (\(request.method))"))
        case .invalid(let invalid):
            return .failure(CoreError(.invalidMessage, "invalid JSON-RPC: \(invalid)"))
        }
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
                let segmentJSON = params["segment"]
            else { break }
            do {
                return .success(.draft(id, seq: seq, try Segment(json: segmentJSON)))
            } catch {
                return .failure(CoreError(.invalidMessage, "draft segment: \(error)"))
            }
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
}
