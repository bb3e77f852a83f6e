import Wire

extension EngineSession {
    /// A request: the checks of SPEC 8.3 in order, then the method.
    mutating func handleRequest(_ request: RPCRequest, slot: BatchSlot?, now: Int) {
        let method = SessionMethod(rawValue: request.method)
        if let rejection = precheck(request, method) { return reply(rejection, slot: slot) }
        guard let method else {
            preconditionFailure("precheck passed unknown method \(request.method)")
        }
        switch method {
        case .initialize: handleInitialize(request, slot: slot, now: now)
        case .transcribe: handleTranscribe(request, slot: slot, now: now)
        case .healthCheck: handleHealthCheck(request, slot: slot, now: now)
        case .getStatus: reply(RPCResponse(id: request.id, result: statusJSON(now: now)), slot: slot)
        case .getMetrics: reply(RPCResponse(id: request.id, result: metrics.json(uptimeMs: uptimeMs(now))), slot: slot)
        case .restart: handleRestart(request, slot: slot, now: now)
        case .stop: handleStop(request, slot: slot, now: now)
        }
    }

    /// -32021, -32030, -32002, -32601, -32003 and -32602 for methods without params (SPEC 8.3).
    private func precheck(_ request: RPCRequest, _ method: SessionMethod?) -> RPCResponse? {
        let id = request.id
        if sequenceByID[id] != nil {
            return Self.errorResponse(id, .duplicateRequestID, reason: "a request with this id is in flight")
        }
        if stopAccepted { return Self.errorResponse(id, .shuttingDown, reason: "the engine is stopping") }
        if phase == .uninitialized, method?.isAllowedBeforeInitialize != true {
            return Self.errorResponse(id, .notInitialized, reason: "send initialize first")
        }
        guard let method else {
            return Self.errorResponse(id, .methodNotFound, reason: "unknown method \(Self.quoted(request.method))")
        }
        if method == .initialize, phase == .initialized {
            return Self.errorResponse(id, .alreadyInitialized, reason: "initialize was already accepted")
        }
        switch method {
        case .initialize, .transcribe: return nil
        case .healthCheck, .getStatus, .getMetrics, .restart, .stop:
            return ParamsError.checkNone(request.params)?.response(id: id)
        }
    }

    private mutating func handleInitialize(_ request: RPCRequest, slot: BatchSlot?, now: Int) {
        let params: InitializeParams
        do throws(ParamsError) {
            params = try InitializeParams(request.params)
        } catch {
            return reply(error.response(id: request.id), slot: slot)
        }
        guard params.major == 1 else {
            let supported = JSONValue.array(SessionConfiguration.supportedVersions.map { .string($0) })
            return reply(Self.errorResponse(
                request.id, .unsupportedProtocolVersion, reason: "protocol major version \(params.major) is not supported",
                extra: ["supported": supported]), slot: slot)
        }
        phase = .initialized
        reply(RPCResponse(id: request.id, result: initializeResult()), slot: slot)
        effectiveLimitBytes = min(params.maxMessageBytes, configuration.maxMessageBytes)
        decoder.framer.maxLineBytes = effectiveLimitBytes
        decoder.limits.bytesMax = effectiveLimitBytes
        if params.heartbeatIntervalMs > 0 {
            let intervalMs = params.heartbeatIntervalMs * configuration.heartbeatIntervalPercent / 100
            heartbeat = HeartbeatSchedule(intervalMs: max(1, intervalMs))
            emit(.armTimer(.heartbeat, atMs: now + max(1, intervalMs)))
        }
        model = .loading
        emit(.log(LogRecord(.info, "initialized", requestID: request.id, extra: [
            "heartbeatIntervalMs": .number(JSONNumber(params.heartbeatIntervalMs)),
            "maxMessageBytes": .number(JSONNumber(effectiveLimitBytes)),
        ])))
        emit(.loadModel(.initial(clientConfig: params.config)))
    }

    private func initializeResult() -> JSONValue {
        let descriptor = configuration.descriptor
        let engine = JSONObject(members: [
            (key: "name", value: .string(descriptor.name)), (key: "version", value: .string(descriptor.version)),
        ])
        let capabilities = JSONObject(members: [
            (key: "languages", value: .array(descriptor.languages.map { .string($0) })),
            (key: "drafts", value: .bool(descriptor.drafts)),
            (key: "wordTimestamps", value: .bool(descriptor.wordTimestamps)),
            (key: "wordConfidence", value: .bool(descriptor.wordConfidence)),
            (key: "maxConcurrentRequests", value: .number(JSONNumber(configuration.maxConcurrentRequests))),
        ])
        let limits: JSONObject = ["maxMessageBytes": .number(JSONNumber(configuration.maxMessageBytes))]
        return .object(JSONObject(members: [
            (key: "protocolVersion", value: .string(SessionConfiguration.supportedVersions[0])),
            (key: "engine", value: .object(engine)), (key: "capabilities", value: .object(capabilities)),
            (key: "limits", value: .object(limits)),
        ]))
    }

    /// Registers a request that will be answered later.
    mutating func register(_ request: RPCRequest, kind: InFlightRequest.Kind, slot: BatchSlot?, now: Int) -> RequestHandle {
        let handle = RequestHandle(seq: nextSequence, id: request.id)
        nextSequence += 1
        requests[handle.seq] = InFlightRequest(handle: handle, kind: kind, readAtMs: now, batchSlot: slot)
        sequenceByID[request.id] = handle.seq
        return handle
    }
}
