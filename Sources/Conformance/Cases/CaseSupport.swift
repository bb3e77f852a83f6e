import Wire

/// Flows several cases share.
enum CaseSupport {
    /// A full ordinary session: handshake, every control method, an unknown method, a short
    /// transcription, `stop`, and the exit. Hygiene and envelope cases inspect what came back.
    static func ordinarySession(_ context: CaseContext, heartbeatMs: Int = 0) throws(CaseFailure) -> EngineSession {
        let session = try context.launchInitialized(heartbeatMs: heartbeatMs)
        let steps: [(id: RPCID, method: String, params: JSONValue?)] = [
            (2, "health_check", nil), (3, "get_status", nil), (4, "get_metrics", nil), (5, "no_such_method", nil),
            (6, "transcribe", context.transcribe(context.fixtures.short)),
            (7, "transcribe", context.transcribe(context.fixtures.missing)), (8, "stop", nil),
        ]
        // Replies that never come are not this flow's concern: the cases judge what did come.
        for step in steps {
            try session.send(Message.request(id: step.id, method: step.method, params: step.params))
            _ = session.waitForResponse(to: step.id, timeoutMs: step.method == "transcribe" ? max(context.replyTimeoutMs, 10_000) : nil)
        }
        _ = session.waitExit(timeoutMs: 5_000)
        return session
    }

    /// Starts a transcription of the long clip.
    static func startLong(_ session: EngineSession, _ context: CaseContext, id: RPCID) throws(CaseFailure) {
        try session.send(Message.request(id: id, method: "transcribe", params: context.transcribe(context.fixtures.long)))
    }

    /// Fails when the request `id` already has its final reply: the case needs it still in flight.
    static func requireInFlight(_ session: EngineSession, _ context: CaseContext, id: RPCID, purpose: String) throws(CaseFailure) {
        guard let done = session.responses(to: id).first else { return }
        throw CaseFailure(
            expected: "the \(Int(context.fixtures.longSeconds)) s clip (\(context.fixtures.long)) still in flight \(purpose)",
            actual: "it was answered after \(Int(done.line.timeMs)) ms (\(done.response.serializedLine.prefix(100))); "
                + "cannot test this rule: run with a longer clip (--long-audio-seconds, or --audio DIR)")
    }

    /// Fails when any response other than to `allowed` ids (and barriers) arrived since line `from`.
    static func requireNoOtherResponses(_ session: EngineSession, from: Int = 0, allowed: [RPCID], because: String) throws(CaseFailure) {
        for line in session.lines.dropFirst(from) {
            for response in line.responses {
                let id = response.responseID
                if let id, allowed.contains(id) { continue }
                if id?.isRunnerOwn == true { continue }
                throw CaseFailure(expected: "no reply (\(because))", actual: "got \(line.excerpt())")
            }
        }
    }

    /// Every single-object response on stdout.
    static func allResponses(_ session: EngineSession) -> [JSONObject] {
        session.lines.flatMap(\.responses)
    }
}
