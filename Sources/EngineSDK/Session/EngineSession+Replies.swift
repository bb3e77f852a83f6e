import Wire

extension EngineSession {
    /// An error with `data` = `{"name", "reason", …extra}` (SPEC 3.5).
    package static func errorResponse(
        _ id: RPCID, _ code: RPCErrorCode, reason: String, extra: JSONObject = JSONObject()
    ) -> RPCResponse {
        var data = JSONObject(members: [(key: "name", value: .string(code.id)), (key: "reason", value: .string(reason))])
        for member in extra.members { data[member.key] = member.value }
        return RPCResponse(id: id, error: RPCError(code: code, message: code.defaultMessage, data: .object(data)))
    }

    /// Sends a reply for a request that was never registered (answered while its line is handled).
    mutating func reply(_ response: RPCResponse, slot: BatchSlot?) {
        let fitted = fittingLimit(response)
        deliver(fitted.response, line: fitted.line, slot: slot)
    }

    /// Ends an in-flight request with its one final reply (SPEC 9.3) and updates the counters.
    mutating func finish(_ seq: UInt64, _ response: RPCResponse, now: Int) {
        let request = retire(seq)
        var fitted = fittingLimit(response)
        // A replacement is fitted once more, as `reply` would (a no-op for one that fits).
        if fitted.replaced { fitted = fittingLimit(fitted.response) }
        if request.isTranscription {
            switch fitted.response.result {
            case .success: metrics.record(.succeeded(durationMs: max(0, now - request.readAtMs)))
            case .failure(let error) where error.code == .requestCancelled: metrics.record(.cancelled)
            case .failure: metrics.record(.failed)
            }
        }
        deliver(fitted.response, line: fitted.line, slot: request.batchSlot)
    }

    /// `finish` with a success reply already encoded as `line` (within the limit, not in a batch).
    mutating func finishSucceeded(_ seq: UInt64, line: [UInt8], now: Int) {
        let request = retire(seq)
        precondition(request.batchSlot == nil, "finishSucceeded of \(request.handle), which is in a batch")
        if request.isTranscription { metrics.record(.succeeded(durationMs: max(0, now - request.readAtMs))) }
        emit(.write(line))
    }

    /// Takes request `seq` out of the in-flight tables.
    private mutating func retire(_ seq: UInt64) -> InFlightRequest {
        guard let request = requests.removeValue(forKey: seq) else {
            preconditionFailure("finish of request #\(seq), which is not in flight")
        }
        if let index = sequenceByID.index(forKey: request.handle.id), sequenceByID.values[index] == seq {
            sequenceByID.remove(at: index)
        }
        return request
    }

    /// Writes a fitted reply (`line` is its encoding), or files it in its batch.
    private mutating func deliver(_ response: RPCResponse, line: [UInt8], slot: BatchSlot?) {
        guard let slot else { return emit(.write(line)) }
        batches[slot.batch]?.slots[slot.index] = response
        completeBatchIfReady(slot.batch)
    }

    /// A reply whose line would break the effective limit becomes -32000 (SPEC 2.3-MUST-4); an error
    /// reply that would break it keeps only `data.name` and a short reason. Returns the reply with its
    /// line (encoded once), and whether it was replaced.
    private func fittingLimit(_ response: RPCResponse) -> (response: RPCResponse, line: [UInt8], replaced: Bool) {
        let line = response.encodedLine()
        let lineBytes = line.count - 1
        guard lineBytes > effectiveLimitBytes else { return (response, line, false) }
        let replacement: RPCResponse
        switch response.result {
        case .success:
            replacement = Self.errorResponse(
                response.id, .engineFailure,
                reason: "result too large: \(lineBytes) bytes exceed the \(effectiveLimitBytes)-byte limit")
        case .failure(let error):
            replacement = Self.errorResponse(response.id, error.code, reason: "error details exceed the line limit")
        }
        return (replacement, replacement.encodedLine(), true)
    }

    /// A name quoted in a reason, cut to `quotedBytesMax` bytes so replies stay small.
    static func quoted(_ text: String) -> String {
        let quotedBytesMax = 64
        guard text.utf8.count > quotedBytesMax else { return "'\(text)'" }
        var cut = ""
        for character in text {
            if cut.utf8.count + character.utf8.count > quotedBytesMax { break }
            cut.append(character)
        }
        return "'\(cut)…'"
    }

    mutating func writeReply(_ response: RPCResponse) { emit(.write(response.encodedLine())) }

    /// Writes a notification unless it would break the effective limit (then it is dropped and logged).
    mutating func writeNotification(_ method: String, _ params: JSONObject, requestID: RPCID? = nil) {
        writeNotification(method, line: RPCNotification(method: method, params: .object(params)).encodedLine(), requestID: requestID)
    }

    /// `writeNotification` for a line already encoded.
    mutating func writeNotification(_ method: String, line: [UInt8], requestID: RPCID?) {
        guard line.count - 1 <= effectiveLimitBytes else {
            let extra: JSONObject = ["bytes": .number(JSONNumber(line.count - 1))]
            return emit(.log(LogRecord(.warning, "dropped an oversized \(method)", requestID: requestID, extra: extra)))
        }
        emit(.write(line))
    }
}
