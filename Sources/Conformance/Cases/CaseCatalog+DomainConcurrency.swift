import Wire

/// SPEC sections 6.2, 6.3, 6.5, 7.1 and 9: work in flight, cancellation, limits, restart.
extension CaseCatalog {
    static let domainConcurrency: [ConformanceCase] = [
        .init("domain/health-while-transcribing", rule: "6.2-MUST-1", "health_check is answered within 500 ms while a transcription runs", healthWhileTranscribing),
        .init("domain/status-busy", rule: "6.3-MUST-1", "with maxConcurrentRequests transcriptions running, state is busy", statusBusy),
        .init("domain/concurrency-limit", rule: "9.1-MUST-2", "one transcription beyond the limit gets -32020 at once", concurrencyLimit),
        .init("domain/control-never-busy", rule: "9.1-MUST-NOT-1", "control methods are served at the limit, never -32020", controlNeverBusy),
        .init("domain/ids-distinct", rule: "3.2-MUST-3", "ids 1, 1.0 and \"1\" differ: no -32021 between them", idsDistinct),
        .init("domain/duplicate-id", rule: "9.2-MUST-1", "reusing an in-flight id gets -32021; the first request goes on", duplicateID),
        .init("domain/cancel", rule: "7.1-MUST-1", "cancel ends a transcription with exactly one -32800 within 2 s", cancel),
        .init("domain/cancel-ignored", rule: "7.1-MUST-2", "cancel of unknown or finished ids, or without params, is ignored", cancelIgnored),
        .init("domain/restart", rule: "6.5-MUST-1", "restart replies null and the same process keeps serving", restart),
        .init("domain/restart-cancels", rule: "9.4-MUST-1", "restart ends a running transcription with -32800 within 2 s, before its reply", restartCancels),
        .init("domain/restart-keeps-counters", rule: "6.4-MUST-NOT-1", "restart does not reset requestsServed or metrics", restartKeepsCounters),
    ]

    /// The SPEC's bounds: health within 500 ms (6.2), cancel and restart within 2 s (7.1, 9.4).
    static let healthBoundMs = 500.0
    static let cancelBoundMs = 2_000.0

    /// Starts `count` long transcriptions with ids `firstID…`, and checks they are all in flight.
    static func fill(_ session: EngineSession, _ context: CaseContext, count: Int, firstID: Int) throws(CaseFailure) -> [RPCID] {
        let ids = (0..<count).map { RPCID(firstID + $0) }
        for id in ids { try CaseSupport.startLong(session, context, id: id) }
        session.settle(forMs: 100)
        for id in ids { try CaseSupport.requireInFlight(session, context, id: id, purpose: "while the case probes the engine") }
        return ids
    }

    static func healthWhileTranscribing(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        _ = try fill(session, context, count: 1, firstID: 601)
        let sentMs = session.nowMs
        try session.send(Message.request(id: 602, method: "health_check"))
        let found = session.waitForResponse(to: 602, timeoutMs: Int(healthBoundMs + context.timingSlackMs) + 1_000)
        let took = (found?.line.timeMs ?? .infinity) - sentMs
        try require(took <= healthBoundMs + context.timingSlackMs, expected: "the health_check reply within 500 ms",
                    actual: found == nil ? "no reply within 1.5 s" : "after \(Int(took)) ms")
        return nil
    }

    static func statusBusy(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let limit = context.profile.maxConcurrentRequests
        _ = try fill(session, context, count: limit, firstID: 611)
        let result = try session.callResult("get_status", id: 610)
        try require(result["state"] == "busy" && result["activeRequests"]?.intValue == limit,
                    expected: "state busy with activeRequests \(limit)", actual: result.serializedString)
        return nil
    }

    static func concurrencyLimit(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        _ = try fill(session, context, count: context.profile.maxConcurrentRequests, firstID: 631)
        try CaseSupport.startLong(session, context, id: 630)
        let response = try session.reply(to: 630, what: "a transcription beyond maxConcurrentRequests")
        try requireError(response, code: -32020, because: "\(context.profile.maxConcurrentRequests) already in flight")
        return nil
    }

    static func controlNeverBusy(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        _ = try fill(session, context, count: context.profile.maxConcurrentRequests, firstID: 651)
        _ = try session.callResult("get_status", id: 640)
        _ = try session.callResult("get_metrics", id: 641)
        return nil
    }

    static func idsDistinct(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try CaseSupport.startLong(session, context, id: 1)
        session.settle(forMs: 100)
        try CaseSupport.requireInFlight(session, context, id: 1, purpose: "while ids 1.0 and \"1\" are used")
        _ = try session.callResult("get_status", id: .number(text: "1.0"))
        _ = try session.callResult("get_status", id: "1")
        return nil
    }

    static func duplicateID(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        _ = try fill(session, context, count: 1, firstID: 661)
        try session.send(Message.request(id: 661, method: "get_status"))
        let duplicate = session.waitForLine(from: 0, timeoutMs: context.replyTimeoutMs) { !$0.responses.isEmpty && $0.responses[0].responseID == 661 }
        try require(duplicate?.responses.first?.errorCode == -32021, expected: "error -32021 for the reused id 661",
                    actual: duplicate?.excerpt() ?? "no reply")
        let status = try session.callResult("get_status", id: 662)
        try require(status["activeRequests"]?.intValue == 1, expected: "the first request still in flight (activeRequests 1)",
                    actual: status.serializedString)
        return nil
    }

    static func cancel(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        _ = try fill(session, context, count: 1, firstID: 671)
        let sentMs = session.nowMs
        try session.send(Message.notification("cancel", params: ["id": 671]))
        let found = session.waitForResponse(to: 671, timeoutMs: Int(cancelBoundMs) + 500)
        session.settle(forMs: 300)
        let replies = session.responses(to: 671)
        let took = (found?.line.timeMs ?? .infinity) - sentMs
        try require(replies.count == 1 && replies[0].response.errorCode == -32800 && took <= cancelBoundMs + context.timingSlackMs,
                    expected: "exactly one final reply, -32800, within 2 s of the cancel",
                    actual: replies.isEmpty ? "no reply in 2.5 s" : "\(replies.count) repl\(replies.count == 1 ? "y" : "ies") after \(Int(took)) ms: "
                        + replies.map { $0.line.excerpt(limit: 90) }.joined(separator: " | "))
        return nil
    }

    static func cancelIgnored(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context)
        let start = session.lines.count
        for params: JSONValue? in [["id": 501], ["id": 999_999], ["id": "nope"], nil, [:], [1]] {
            try session.send(Message.notification("cancel", params: params))
        }
        _ = try session.callResult("get_status", id: 681)
        session.settle(forMs: 100)
        try CaseSupport.requireNoOtherResponses(session, from: start, allowed: [681], because: "cancel is a notification")
        return nil
    }

    static func restart(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.send(Message.request(id: 691, method: "restart"))
        let result = try session.result(of: try session.reply(to: 691, what: "restart", timeoutMs: 30_000), what: "restart")
        try require(result == .null, expected: "restart result null", actual: result.serializedString)
        _ = try session.callResult("get_status", id: 692)
        try session.send(Message.request(id: 693, method: "transcribe", params: context.transcribe(context.fixtures.short)))
        _ = try session.result(of: try session.reply(to: 693, what: "transcribe after restart", timeoutMs: transcribeTimeoutMs(context)), what: "transcribe")
        try require(session.exitStatus == nil, expected: "the same process keeps serving", actual: "it ended")
        return nil
    }

    static func restartCancels(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        _ = try fill(session, context, count: 1, firstID: 701)
        let sentMs = session.nowMs
        try session.send(Message.request(id: 702, method: "restart"))
        let cancelled = session.waitForResponse(to: 701, timeoutMs: Int(cancelBoundMs) + 500)
        _ = try session.reply(to: 702, what: "restart", timeoutMs: 30_000)
        let took = (cancelled?.line.timeMs ?? .infinity) - sentMs
        let restartLine = session.responses(to: 702).first?.line.index ?? 0
        try require(cancelled?.response.errorCode == -32800 && took <= cancelBoundMs + context.timingSlackMs && (cancelled?.line.index ?? .max) < restartLine,
                    expected: "-32800 for the running transcription within 2 s, before the restart reply",
                    actual: cancelled.map { "after \(Int(took)) ms: \($0.line.excerpt(limit: 100))" } ?? "no reply within 2.5 s")
        return nil
    }

    static func restartKeepsCounters(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context)
        let before = try session.callResult("get_status", id: 711)
        try session.send(Message.request(id: 712, method: "restart"))
        _ = try session.result(of: try session.reply(to: 712, what: "restart", timeoutMs: 30_000), what: "restart")
        let after = try session.callResult("get_status", id: 713)
        let metrics = try session.callResult("get_metrics", id: 714)
        try require(after["requestsServed"]?.intValue == 1 && metrics["requests"]?["total"]?.intValue == 1
                    && (after["uptimeMs"]?.intValue ?? 0) >= (before["uptimeMs"]?.intValue ?? 0),
                    expected: "requestsServed 1, requests.total 1, uptimeMs not reset after restart",
                    actual: "get_status \(after.serializedString), requests \(metrics["requests"]?.serializedString ?? "?")")
        return nil
    }
}
