import Wire

extension EngineSession {
    /// `restart` (SPEC 6.5): every transcription in flight gets -32800 first, then the model reloads;
    /// the reply comes when it is loaded. A restart during a load waits for that load.
    mutating func handleRestart(_ request: RPCRequest, slot: BatchSlot?, now: Int) {
        guard restartWaiters.count < configuration.restartWaitersMax else {
            return reply(Self.errorResponse(
                request.id, .internalError, reason: "more than \(configuration.restartWaitersMax) restarts waiting"), slot: slot)
        }
        let handle = register(request, kind: .restart, slot: slot, now: now)
        restartWaiters.append(handle.seq)
        for other in inFlight {
            guard case .transcription(let progress)? = requests[other.seq]?.kind else { continue }
            if progress.running { emit(.cancelTranscription(other)) }
            finish(other.seq, Self.errorResponse(other.id, .requestCancelled, reason: "cancelled by restart"), now: now)
        }
        guard model != .loading else { return }
        model = .loading
        emit(.log(LogRecord(.info, "restarting", requestID: request.id)))
        emit(.loadModel(.restart))
    }

    /// The host finished loading the model (after `initialize` or `restart`).
    package mutating func modelLoaded(_ outcome: Result<Void, EngineError>, now: Int) -> [Action] {
        guard phase == .initialized, model == .loading else { return [] }
        let waiters = restartWaiters
        restartWaiters = []
        switch outcome {
        case .success:
            model = .ready
            emit(.log(LogRecord(.info, "model ready")))
            for seq in waiters {
                guard let request = requests[seq] else { continue }
                finish(seq, RPCResponse(id: request.handle.id, result: .null), now: now)
            }
            for handle in inFlight {
                if case .transcription(let progress)? = requests[handle.seq]?.kind, !progress.running {
                    startTranscription(handle)
                }
            }
        case .failure(let error):
            model = .failed(reason: error.reason)
            emit(.log(LogRecord(.error, "model failed to load", extra: ["reason": .string(error.reason)])))
            for handle in inFlight {
                guard let request = requests[handle.seq], request.isTranscription || waiters.contains(handle.seq) else { continue }
                finish(handle.seq, Self.errorResponse(handle.id, .engineFailure, reason: "model failed to load: \(error.reason)"), now: now)
            }
        }
        return takeOutbox()
    }

    /// `stop` (SPEC 5.5): -32030 for everything in flight, then `null`; the process exits once the
    /// current line (or batch) is done.
    mutating func handleStop(_ request: RPCRequest, slot: BatchSlot?, now: Int) {
        stopAccepted = true
        for handle in inFlight {
            if case .transcription(let progress)? = requests[handle.seq]?.kind, progress.running {
                emit(.cancelTranscription(handle))
            }
            finish(handle.seq, Self.errorResponse(handle.id, .shuttingDown, reason: "the engine is stopping"), now: now)
        }
        health.waiting = []
        restartWaiters = []
        reply(RPCResponse(id: request.id, result: .null), slot: slot)
    }

    /// lsref fault injection: raw bytes on stdout, in order with the protocol lines.
    package mutating func injectOutput(_ bytes: [UInt8]) -> [Action] {
        guard phase != .exited else { return [] }
        return [.write(bytes)]
    }

    /// lsref fault injection: one valid notification line one byte longer than the effective limit.
    package mutating func injectOversizedLine() -> [Action] {
        guard phase != .exited else { return [] }
        let empty = RPCNotification(method: "oversized", params: ["pad": ""]).encodedLine().count - 1
        let pad = String(repeating: "x", count: max(0, effectiveLimitBytes + 1 - empty))
        return [.write(RPCNotification(method: "oversized", params: ["pad": .string(pad)]).encodedLine())]
    }
}
