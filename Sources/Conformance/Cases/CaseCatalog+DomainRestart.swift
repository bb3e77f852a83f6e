import Wire

/// SPEC section 6.5: what an engine does while a `restart` reloads its model. The window is the time
/// from the `restart` request to its reply; probes sent in the same write as `restart` are read
/// inside it. An engine that reloads before answering them leaves nothing to check (a PASS with a note).
extension CaseCatalog {
    static let domainRestart: [ConformanceCase] = [
        .init("domain/restart-loading", rule: "6.5-MUST-2", "during a restart health_check and get_status say loading, and heartbeats go on", restartLoading),
        .init("domain/restart-queues-transcribe", rule: "6.5-MUST-3", "a transcribe read during a restart is accepted and answered after the restart", restartQueuesTranscribe),
    ]

    /// Sends `restart` and `extra` in one write; returns the restart's reply line and when it was sent.
    static func sendRestart(_ session: EngineSession, id: RPCID, with extra: [JSONValue]) throws(CaseFailure) -> (line: OutputLine, sentMs: Double) {
        var bytes = Message.request(id: id, method: "restart").encodedLine()
        for message in extra { bytes += message.encodedLine() }
        let sentMs = session.nowMs
        try session.sendRaw(bytes)
        let response = try session.reply(to: id, what: "restart", timeoutMs: 30_000)
        try require(response["error"] == nil, expected: "restart result null", actual: response.serializedLine)
        guard let line = session.responses(to: id).first?.line else {
            throw CaseFailure(expected: "a restart reply", actual: "none")
        }
        return (line, sentMs)
    }

    static func restartLoading(_ context: CaseContext) throws(CaseFailure) -> String? {
        let heartbeatMs = 100
        let session = try context.launchInitialized(heartbeatMs: heartbeatMs)
        let (restart, sentMs) = try sendRestart(session, id: 721, with: [
            Message.request(id: 722, method: "health_check"), Message.request(id: 723, method: "get_status"),
        ])
        let health = try session.reply(to: 722, what: "health_check sent with restart")
        let status = try session.reply(to: 723, what: "get_status sent with restart")
        var checked: [String] = []
        if let line = session.responses(to: 722).first?.line, line.index < restart.index {
            let value = health["result"]?["status"]
            try require(value == "loading", expected: "health_check status loading while the restart is in progress",
                        actual: health.serializedLine)
            checked.append("health_check")
        }
        if let line = session.responses(to: 723).first?.line, line.index < restart.index {
            try require(status["result"]?["state"] == "loading", expected: "get_status state loading while the restart is in progress",
                        actual: status.serializedLine)
            checked.append("get_status")
        }
        let windowMs = restart.timeMs - sentMs
        let gapMaxMs = Double(heartbeatMs) * 1.5 + context.timingSlackMs
        if windowMs > gapMaxMs {
            let beats = session.notifications("heartbeat").filter { $0.line.timeMs > sentMs && $0.line.index < restart.index }
            try require(!beats.isEmpty, expected: "heartbeats go on during a \(Int(windowMs)) ms restart (interval \(heartbeatMs) ms)",
                        actual: "no heartbeat between the restart request and its reply")
            checked.append("heartbeats")
        }
        return checked.isEmpty ? "the reload was over before the probes were answered: nothing to check" : nil
    }

    static func restartQueuesTranscribe(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let (restart, _) = try sendRestart(session, id: 731, with: [
            Message.request(id: 732, method: "transcribe", params: context.transcribe(context.fixtures.short)),
        ])
        let response = try session.reply(to: 732, what: "transcribe sent with restart", timeoutMs: transcribeTimeoutMs(context))
        let line = session.responses(to: 732).first?.line
        try require(response["result"]?.objectValue != nil && (line?.index ?? 0) > restart.index,
                    expected: "a transcribe read during the restart gets its result, after the restart reply",
                    actual: "\(response.serializedLine.prefix(160)) (line \(line?.index ?? -1), restart reply line \(restart.index))")
        return nil
    }
}
