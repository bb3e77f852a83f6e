import Wire

extension EngineSession {
    /// Bytes read from stdin, in any chunking (SPEC 2.2-MUST-3). Lines are framed with the limit in
    /// force when each line starts, so a line after `initialize` already uses the negotiated limit.
    package mutating func receive(_ bytes: [UInt8], now: Int) -> [Action] {
        var start = 0
        while start < bytes.count, phase != .exited {
            let end = bytes[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
            var results: [Result<JSONValue, WireError>] = []
            bytes[start..<end].withUnsafeBytes { piece in decoder.append(piece) { results.append($0) } }
            for result in results where phase != .exited { handleLine(result, now: now) }
            start = end
        }
        return takeOutbox()
    }

    /// stdin reached end of file (SPEC 5.6): abandon in-flight work and exit 0.
    package mutating func stdinClosed(now: Int) -> [Action] {
        guard phase != .exited else { return [] }
        _ = decoder.finish()
        shutDown(reason: "end of input", now: now)
        return takeOutbox()
    }

    /// SIGTERM (SPEC 5.7): like end of input.
    package mutating func terminateSignal(now: Int) -> [Action] {
        guard phase != .exited else { return [] }
        shutDown(reason: "SIGTERM", now: now)
        return takeOutbox()
    }

    private mutating func shutDown(reason: String, now: Int) {
        for handle in inFlight {
            if case .transcription(let progress)? = requests[handle.seq]?.kind, progress.running {
                emit(.cancelTranscription(handle))
            }
        }
        requests = [:]
        sequenceByID = [:]
        batches = [:]
        exit(reason: reason)
    }

    /// Stops timers, marks the session exited and asks the host to exit 0.
    mutating func exit(reason: String) {
        if heartbeat != nil { emit(.cancelTimer(.heartbeat)) }
        if health.deadlineArmed { emit(.cancelTimer(.healthDeadline)) }
        heartbeat = nil
        health = HealthProbe()
        phase = .exited
        emit(.log(LogRecord(.info, "exiting", extra: ["reason": .string(reason)])))
        emit(.exit(code: 0))
    }

    private mutating func handleLine(_ result: Result<JSONValue, WireError>, now: Int) {
        switch result {
        case .failure(let error):
            var extra = JSONObject()
            if error.code == .messageTooLarge { extra["limitBytes"] = .number(JSONNumber(effectiveLimitBytes)) }
            writeReply(Self.errorResponse(.null, error.rpcCode, reason: error.reason, extra: extra))
        case .success(let json):
            switch RPCIncoming(json: json) {
            case .single(let message): handle(message, slot: nil, now: now)
            case .emptyBatch: writeReply(Self.errorResponse(.null, .invalidRequest, reason: "empty batch"))
            case .batch(let messages): handleBatch(messages, now: now)
            }
        }
        if stopAccepted { exit(reason: "stop") }
    }

    /// One message, alone or as a batch element.
    mutating func handle(_ message: RPCMessage, slot: BatchSlot?, now: Int) {
        switch message {
        case .invalid(let invalid):
            reply(Self.errorResponse(invalid.id, .invalidRequest, reason: invalid.code.reason), slot: slot)
        case .response(let response):
            reply(Self.errorResponse(response.id, .invalidRequest, reason: "an engine accepts no responses"), slot: slot)
        case .notification(let notification):
            handleNotification(notification, now: now)
        case .request(let request):
            handleRequest(request, slot: slot, now: now)
        }
    }

    private mutating func handleNotification(_ notification: RPCNotification, now: Int) {
        guard phase == .initialized, !stopAccepted, notification.method == "cancel" else { return }
        guard let idValue = notification.params?["id"], let id = RPCID(json: idValue),
              let seq = sequenceByID[id], let request = requests[seq],
              case .transcription(let progress) = request.kind
        else { return }
        if progress.running { emit(.cancelTranscription(request.handle)) }
        emit(.log(LogRecord(.info, "cancelled", requestID: id)))
        finish(seq, Self.errorResponse(id, .requestCancelled, reason: "cancelled by the coordinator"), now: now)
    }
}
