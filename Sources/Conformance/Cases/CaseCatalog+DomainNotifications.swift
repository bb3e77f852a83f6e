import Wire

/// SPEC sections 6.2–6.4 and 7: status methods, progress, drafts, heartbeats.
extension CaseCatalog {
    static let domainNotifications: [ConformanceCase] = [
        .init("domain/health", rule: "6.2-MUST-2", "health_check gives a status and a detail object", health),
        .init("domain/status", rule: "6.3-MUST-2", "get_status when idle: ready, 0 active, the declared maximum", status),
        .init("domain/metrics", rule: "6.4-MUST-1", "get_metrics counts one success and one failure; total = requestsServed", metrics),
        .init("domain/progress-monotonic", rule: "7.3-MUST-1", "progress fractions stay in 0..1, never decrease, all before the reply", progressMonotonic),
        .init("domain/progress-stage", rule: "7.3-MUST-2", "progress stage is a non-empty string", progressStage),
        .init("domain/drafts-ordered", rule: "7.4-MUST-2", "draft seq starts at 1 and strictly increases", draftsOrdered),
        .init("domain/draft-shape", rule: "7.4-MUST-1", "drafts carry a result-shaped segment and the request's id", draftShape),
        .init("domain/nothing-after-reply", rule: "7.5-MUST-NOT-1", "no progress or draft for a request after its final reply", nothingAfterReply),
        .init("domain/heartbeat-interval", rule: "7.2-MUST-1", "heartbeats every 250 ms ± 50 %, the first within 375 ms", heartbeatInterval),
        .init("domain/heartbeat-seq", rule: "7.2-MUST-2", "heartbeat seq counts 1, 2, 3…; uptimeMs does not decrease", heartbeatSeq),
        .init("domain/heartbeat-off", rule: "7.2-MUST-NOT-1", "no heartbeat when heartbeatIntervalMs is 0", heartbeatOff),
        .init("domain/heartbeat-while-busy", rule: "7.2-MUST-1", "heartbeats keep their interval while a transcription runs", heartbeatWhileBusy),
    ]

    static func health(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        var check = ShapeCheck()
        Shapes.health(try session.callResult("health_check", id: 561), into: &check)
        try check.require("the health_check result")
        return nil
    }

    static func status(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let result = try session.callResult("get_status", id: 562)
        var check = ShapeCheck()
        Shapes.status(result, into: &check)
        try check.require("the get_status result")
        try require(result["state"] == "ready" && result["activeRequests"]?.intValue == 0
                    && result["maxConcurrentRequests"]?.intValue == context.profile.maxConcurrentRequests,
                    expected: "state ready, activeRequests 0, maxConcurrentRequests \(context.profile.maxConcurrentRequests)",
                    actual: result.serializedString)
        return nil
    }

    static func metrics(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context)
        _ = try session.call("transcribe", params: context.transcribe(context.fixtures.missing), id: 563)
        let metrics = try session.callResult("get_metrics", id: 564)
        let status = try session.callResult("get_status", id: 565)
        var check = ShapeCheck()
        Shapes.metrics(metrics, into: &check)
        try check.require("the get_metrics result")
        let requests = metrics["requests"]
        let count = { (name: String) in requests?[name]?.intValue ?? -1 }
        try require(count("succeeded") == 1 && count("failed") == 1 && count("cancelled") == 0 && count("total") == 2
                    && status["requestsServed"]?.intValue == 2 && metrics["durationMs"]?["count"]?.intValue == 1,
                    expected: "requests {total 2, succeeded 1, failed 1, cancelled 0}, durationMs.count 1, requestsServed 2",
                    actual: "requests \(requests?.serializedString ?? "?"), durationMs \(metrics["durationMs"]?.serializedString ?? "?"), requestsServed \(status["requestsServed"]?.serializedString ?? "?")")
        return nil
    }

    /// The final-reply line index of request 501 in a `transcribeShort` session.
    static func replyIndex(_ session: EngineSession) -> Int { session.responses(to: 501).first?.line.index ?? Int.max }

    static func progressMonotonic(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context)
        session.settle(forMs: 100)
        var previous = -1.0
        for (line, params) in session.notifications("progress") where params?["id"] == 501 {
            let fraction = params?["fraction"]?.doubleValue ?? -1
            try require((0...1).contains(fraction) && fraction >= previous && line.index < replyIndex(session),
                        expected: "fractions in 0..1, non-decreasing, before the final reply",
                        actual: "fraction \(fraction) after \(previous)\(line.index > replyIndex(session) ? " (after the reply)" : "")")
            previous = fraction
        }
        return session.notifications("progress").isEmpty ? "the engine sent no progress" : nil
    }

    static func progressStage(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context)
        for (line, params) in session.notifications("progress") {
            try require(params?["stage"]?.stringValue?.isEmpty == false, expected: "a non-empty stage", actual: line.excerpt())
        }
        return nil
    }

    static func draftsOrdered(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context)
        var previous = 0
        for (line, params) in session.notifications("draft") where params?["id"] == 501 {
            let seq = params?["seq"]?.intValue ?? 0
            try require(previous == 0 ? seq == 1 : seq > previous, expected: previous == 0 ? "the first draft has seq 1" : "seq > \(previous)",
                        actual: line.excerpt())
            previous = seq
        }
        return previous == 0 ? "the engine sent no drafts" : nil
    }

    static func draftShape(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context)
        for (line, params) in session.notifications("draft") {
            var check = ShapeCheck()
            Shapes.segment(params?["segment"] ?? .null, "draft.segment", into: &check)
            try check.require("a draft segment")
            try require(params?["id"] == 501, expected: "drafts only for the transcription in flight (id 501)", actual: line.excerpt())
        }
        return nil
    }

    static func nothingAfterReply(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context)
        session.settle(forMs: 300)
        let reply = replyIndex(session)
        for line in session.lines.dropFirst(reply + 1) {
            guard let (method, params) = line.notification, method == "progress" || method == "draft" else { continue }
            try require(params?["id"] != 501, expected: "no progress or draft after the final reply", actual: line.excerpt())
        }
        return nil
    }

    /// Heartbeat interval these cases ask for, and the slack added for the runner's own latency.
    static let heartbeatIntervalMs = 250

    static func collectHeartbeats(_ context: CaseContext, intervalMs: Int, forMs: Int) throws(CaseFailure) -> (session: EngineSession, initMs: Double, beats: [(timeMs: Double, params: JSONValue?)]) {
        let session = try context.launchInitialized(heartbeatMs: intervalMs)
        let initMs = session.responses(to: "lsconform-init").first?.line.timeMs ?? 0
        session.settle(forMs: forMs)
        return (session, initMs, session.notifications("heartbeat").map { ($0.line.timeMs, $0.params) })
    }

    static func heartbeatInterval(_ context: CaseContext) throws(CaseFailure) -> String? {
        let interval = Double(heartbeatIntervalMs)
        let (_, initMs, beats) = try collectHeartbeats(context, intervalMs: heartbeatIntervalMs, forMs: 1_300)
        try require(beats.count >= 3, expected: "at least 3 heartbeats in 1.3 s at 250 ms", actual: "\(beats.count)")
        var previous = initMs
        for (index, beat) in beats.enumerated() {
            let gap = beat.timeMs - previous
            let low = index == 0 ? 0 : 0.5 * interval - context.timingSlackMs
            try require(gap >= low && gap <= 1.5 * interval + context.timingSlackMs,
                        expected: index == 0 ? "the first heartbeat within 375 ms of the initialize reply" : "gaps of 125…375 ms",
                        actual: "heartbeat \(index + 1) after \(Int(gap)) ms")
            previous = beat.timeMs
        }
        return nil
    }

    static func heartbeatSeq(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (_, _, beats) = try collectHeartbeats(context, intervalMs: 100, forMs: 550)
        var previousUptime = -1
        for (index, beat) in beats.enumerated() {
            let seq = beat.params?["seq"]?.intValue
            let uptime = beat.params?["uptimeMs"]?.intValue ?? -1
            try require(seq == index + 1 && uptime >= previousUptime,
                        expected: "seq \(index + 1) with uptimeMs ≥ \(previousUptime)", actual: beat.params?.serializedString ?? "no params")
            previousUptime = uptime
        }
        try require(!beats.isEmpty, expected: "heartbeats at 100 ms", actual: "none in 550 ms")
        return nil
    }

    static func heartbeatOff(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (session, _) = try transcribeShort(context, heartbeatMs: 0)
        session.settle(forMs: 400)
        try require(session.notifications("heartbeat").isEmpty, expected: "no heartbeat with heartbeatIntervalMs 0",
                    actual: session.notifications("heartbeat").first?.line.excerpt() ?? "")
        return nil
    }

    static func heartbeatWhileBusy(_ context: CaseContext) throws(CaseFailure) -> String? {
        let interval = Double(heartbeatIntervalMs)
        let session = try context.launchInitialized(heartbeatMs: heartbeatIntervalMs)
        guard let first = session.waitForLine(timeoutMs: Int(1.5 * interval + context.timingSlackMs), where: { $0.notification?.method == "heartbeat" }) else {
            throw CaseFailure(expected: "a first heartbeat within 375 ms", actual: "none")
        }
        let startMs = session.nowMs
        try CaseSupport.startLong(session, context, id: 721)
        // Watch until the transcription ends, or for a second.
        let endMs = session.waitForResponse(to: 721, timeoutMs: 1_000)?.line.timeMs ?? session.nowMs
        let needed = 1.5 * interval + context.timingSlackMs
        try require(endMs - startMs >= needed,
                    expected: "the \(Int(context.fixtures.longSeconds)) s clip in flight for at least \(Int(needed)) ms",
                    actual: "it was answered after \(Int(endMs - startMs)) ms; cannot test this rule: run with a longer clip")
        var previous = first.timeMs
        for (line, _) in session.notifications("heartbeat") where line.index > first.index && line.timeMs <= endMs {
            let gap = line.timeMs - previous
            try require(gap >= 0.5 * interval - context.timingSlackMs && gap <= needed,
                        expected: "gaps of 125…375 ms while transcribing", actual: "a gap of \(Int(gap)) ms")
            previous = line.timeMs
        }
        try require(endMs - previous <= needed, expected: "heartbeats go on while transcribing",
                    actual: "none for \(Int(endMs - previous)) ms")
        return nil
    }
}
