import Wire

/// SPEC section 4: batches.
extension CaseCatalog {
    static let batch: [ConformanceCase] = [
        .init("batch/requests-and-notification", rule: "4.2-MUST-1", "two requests and a notification get one array of two responses", requestsAndNotification),
        .init("batch/empty", rule: "4.1-MUST-2", "[] gets a single -32600 error object with id null", emptyBatch),
        .init("batch/non-object-elements", rule: "4.1-MUST-3", "[1,2,3] gets an array of three -32600 errors with id null", nonObjectElements),
        .init("batch/all-notifications", rule: "4.2-MUST-NOT-1", "a batch of notifications gets nothing", allNotifications),
        .init("batch/mixed-validity", rule: "4.1-MUST-1", "each element is checked alone: ok, -32600 and -32601 in one array", mixedValidity),
        .init("batch/one-line", rule: "4.2-MUST-2", "batch replies come as one array line, never individually", oneLine),
    ]

    /// Sends `text` as one line and returns the first stdout line that arrives after it, if any.
    static func sendBatch(_ session: EngineSession, _ text: String, expectReply: Bool = true) throws(CaseFailure) -> OutputLine? {
        let start = session.lines.count
        try session.sendRaw(Array(text.utf8) + [0x0A])
        guard expectReply else { return nil }
        return session.waitForLine(from: start, timeoutMs: session.replyTimeoutMs) { _ in true }
    }

    static func requestsAndNotification(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let line = try sendBatch(session, #"[{"jsonrpc":"2.0","id":18446744073709551616,"method":"get_status"},{"jsonrpc":"2.0","method":"cancel","params":{"id":99}},{"jsonrpc":"2.0","id":"7","method":"get_metrics"}]"#)
        let ids = line?.json?.arrayValue?.compactMap { $0["id"]?.serializedString }.sorted() ?? []
        try require(line?.isBatch == true && ids == ["\"7\"", "18446744073709551616"]
                    && line?.responses.allSatisfy({ $0.contains("result") }) == true,
                    expected: "one array with results for ids 18446744073709551616 and \"7\"", actual: line?.excerpt() ?? "no reply")
        return nil
    }

    static func emptyBatch(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let line = try sendBatch(session, "[]")
        let object = line?.json?.objectValue
        try require(object?.errorCode == -32600 && object?["id"] == .null,
                    expected: "a single error object -32600 with id null", actual: line?.excerpt() ?? "no reply")
        return nil
    }

    static func nonObjectElements(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let line = try sendBatch(session, "[1,2,3]")
        let elements = line?.json?.arrayValue ?? []
        try require(elements.count == 3 && elements.allSatisfy { $0.objectValue?.errorCode == -32600 && $0["id"] == .null },
                    expected: "an array of three -32600 errors with id null", actual: line?.excerpt() ?? "no reply")
        return nil
    }

    static func allNotifications(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let start = session.lines.count
        _ = try sendBatch(session, #"[{"jsonrpc":"2.0","method":"cancel","params":{"id":5}},{"jsonrpc":"2.0","method":"no_such_notification"}]"#, expectReply: false)
        try session.barrier(graceMs: 100)
        let other = session.lines.dropFirst(start).filter { !($0.json?.objectValue?.responseID?.isRunnerOwn ?? false) }
        try require(other.isEmpty, expected: "nothing in answer to an all-notification batch", actual: other.first?.excerpt() ?? "")
        return nil
    }

    static func mixedValidity(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let line = try sendBatch(session, #"[{"jsonrpc":"2.0","id":201,"method":"health_check"},{"jsonrpc":"2.0","id":202,"method":1},{"jsonrpc":"2.0","id":203,"method":"nope"}]"#)
        var byID: [String: JSONObject] = [:]
        for response in line?.responses ?? [] { byID[response["id"]?.serializedString ?? "?"] = response }
        try require(line?.isBatch == true && byID.count == 3 && byID["201"]?.contains("result") == true
                    && byID["202"]?.errorCode == -32600 && byID["203"]?.errorCode == -32601,
                    expected: "[result for 201, -32600 for 202, -32601 for 203] in one array", actual: line?.excerpt() ?? "no reply")
        return nil
    }

    static func oneLine(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let start = session.lines.count
        _ = try sendBatch(session, #"[{"jsonrpc":"2.0","id":211,"method":"get_status"},{"jsonrpc":"2.0","id":212,"method":"health_check"},{"jsonrpc":"2.0","id":213,"method":"get_metrics"}]"#)
        try session.barrier(graceMs: 50)
        let lines = session.lines.dropFirst(start).filter { !($0.json?.objectValue?.responseID?.isRunnerOwn ?? false) }
        try require(lines.count == 1 && lines.first?.isBatch == true && lines.first?.responses.count == 3,
                    expected: "exactly one line: an array of three responses",
                    actual: "\(lines.count) line(s): " + lines.prefix(3).map { $0.excerpt(limit: 60) }.joined(separator: " | "))
        return nil
    }
}
