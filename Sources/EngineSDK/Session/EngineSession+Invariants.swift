extension EngineSession {
    /// Checks the machine's internal consistency; a violation is a bug, so it traps naming it.
    /// The simulator calls this after every step; the tests after every event.
    package func checkInvariants() {
        precondition(activeTranscriptions <= configuration.maxConcurrentRequests,
                     "\(activeTranscriptions) transcriptions in flight, limit \(configuration.maxConcurrentRequests)")
        precondition(sequenceByID.count == requests.count, "id index has \(sequenceByID.count) entries for \(requests.count) requests")
        for (seq, request) in requests {
            precondition(request.handle.seq == seq, "request #\(seq) carries handle \(request.handle)")
            precondition(sequenceByID[request.handle.id] == seq, "id \(request.handle.id) does not index request #\(seq)")
            if let slot = request.batchSlot {
                precondition(batches[slot.batch]?.slots[slot.index] == nil, "request #\(seq) has a filled or missing batch slot")
            }
            if case .transcription(let progress) = request.kind {
                precondition(progress.running == (model == .ready), "transcription #\(seq) running=\(progress.running) with model \(model)")
                precondition((progress.lastFraction ?? 0) >= 0 && (progress.lastFraction ?? 0) <= 1, "progress out of 0...1")
            }
        }
        for seq in health.waiting {
            guard case .health? = requests[seq]?.kind else { preconditionFailure("health waiter #\(seq) is not a health request") }
        }
        for seq in restartWaiters {
            guard case .restart? = requests[seq]?.kind else { preconditionFailure("restart waiter #\(seq) is not a restart") }
        }
        precondition(restartWaiters.isEmpty || model == .loading, "restarts waiting while the model is \(model)")
        precondition(health.waiting.isEmpty || health.deadlineArmed, "health requests waiting without a deadline")
        if phase == .exited {
            precondition(requests.isEmpty && heartbeat == nil && batches.isEmpty, "state left after exit")
        }
        if phase == .uninitialized {
            precondition(requests.isEmpty && model == .notLoaded, "work before initialize")
        }
        precondition(effectiveLimitBytes <= SessionConfiguration.defaultMessageBytes || effectiveLimitBytes == configuration.maxMessageBytes,
                     "effective limit \(effectiveLimitBytes) above both offers")
    }
}
