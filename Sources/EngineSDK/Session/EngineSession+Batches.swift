import Wire

extension EngineSession {
    /// Dispatches a non-empty batch element by element, in order (SPEC 4.1).
    mutating func handleBatch(_ messages: [RPCMessage], now: Int) {
        var answered = 0
        for message in messages {
            if case .notification = message { continue }
            answered += 1
        }
        guard batches.count < configuration.pendingBatchesMax else { return rejectBatch(messages) }
        let batch = nextSequence
        nextSequence += 1
        batches[batch] = PendingBatch(slots: [RPCResponse?](repeating: nil, count: answered))
        var index = 0
        for message in messages {
            if case .notification = message {
                handle(message, slot: nil, now: now)
                continue
            }
            handle(message, slot: BatchSlot(batch: batch, index: index), now: now)
            index += 1
        }
        batches[batch]?.open = false
        completeBatchIfReady(batch)
    }

    /// Too many batches pending: every element that wants an answer gets -32603, in one array.
    private mutating func rejectBatch(_ messages: [RPCMessage]) {
        var responses: [RPCResponse] = []
        for message in messages {
            let id: RPCID
            switch message {
            case .notification: continue
            case .request(let request): id = request.id
            case .response(let response): id = response.id
            case .invalid(let invalid): id = invalid.id
            }
            responses.append(Self.errorResponse(
                id, .internalError, reason: "more than \(configuration.pendingBatchesMax) batches pending"))
        }
        if let line = RPCResponse.batchLine(responses) { emit(.write(line)) }
    }

    /// Writes the batch's array once every slot has its reply; an all-notification batch writes nothing.
    mutating func completeBatchIfReady(_ batch: UInt64) {
        guard let pending = batches[batch], !pending.open else { return }
        var responses: [RPCResponse] = []
        for slot in pending.slots {
            guard let slot else { return }
            responses.append(slot)
        }
        batches[batch] = nil
        if let line = RPCResponse.batchLine(responses) { emit(.write(line)) }
    }
}
