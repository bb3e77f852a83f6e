#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Wire

/// SPEC section 5: start-up, initialize, versions, before/after initialize, stop, EOF, signals.
extension CaseCatalog {
    static let lifecycle: [ConformanceCase] = [
        .init("lifecycle/initialize-result", rule: "5.2-MUST-1", "the initialize result has every member with its type", initializeResult),
        .init("lifecycle/initialize-bad-params", rule: "5.2-MUST-2", "missing params or heartbeatIntervalMs 50 get -32602; still uninitialized", initializeBadParams),
        .init("lifecycle/no-early-notifications", rule: "5.1-MUST-NOT-1", "no notification before the initialize reply", noEarlyNotifications),
        .init("lifecycle/requests-before-initialize", rule: "5.4-MUST-1", "get_status, transcribe, unknown methods before initialize get -32002", requestsBeforeInitialize),
        .init("lifecycle/notifications-before-initialize", rule: "5.4-MUST-2", "notifications before initialize are ignored", notificationsBeforeInitialize),
        .init("lifecycle/second-initialize", rule: "5.4-MUST-3", "a second initialize gets -32003 and changes nothing", secondInitialize),
        .init("lifecycle/version-unsupported", rule: "5.3-MUST-2", "protocolVersion 2.0 gets -32004 with data.supported; still uninitialized", versionUnsupported),
        .init("lifecycle/version-malformed", rule: "5.3-MUST-1", "protocolVersion \"1\", \"v1.0\", \"01.0\" get -32602", versionMalformed),
        .init("lifecycle/version-minor", rule: "5.3-MUST-3", "offered 1.7, the engine answers 1.m with m ≤ 7", versionMinor),
        .init("lifecycle/stop", rule: "5.5-MUST-2", "stop gets result null, then exit 0 within 5 s with stdin open", stop),
        .init("lifecycle/stop-before-initialize", rule: "5.5-MUST-1", "stop is accepted before initialize", stopBeforeInitialize),
        .init("lifecycle/stop-in-flight", rule: "5.5-MUST-2", "stop first ends the running transcription with -32030", stopInFlight),
        .init("lifecycle/silent-after-stop", rule: "5.5-MUST-NOT-1", "nothing (not even a heartbeat) after the stop reply", silentAfterStop),
        .init("lifecycle/requests-after-stop", rule: "5.5-MUST-3", "a request read after stop gets -32030 before the stop reply, or nothing", requestsAfterStop),
        .init("lifecycle/last-reply-flushed", rule: "5.5-MUST-2", "health_check and stop in one write: both replies are out before exit", lastReplyFlushed),
        .init("lifecycle/eof", rule: "5.6-MUST-1", "stdin EOF: exit 0 within 5 s", eof),
        .init("lifecycle/eof-in-flight", rule: "5.6-MUST-1", "stdin EOF during a transcription: exit 0 within 5 s", eofInFlight),
        .init("lifecycle/sigterm", rule: "5.7-MUST-1", "SIGTERM: exit within 5 s with 0 or 143", sigterm),
    ]

    static func initializeResult(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        let result = try session.initialize()
        var check = ShapeCheck()
        Shapes.initializeResult(.object(result), into: &check)
        try check.require("the initialize result")
        return nil
    }

    static func initializeBadParams(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        try session.callExpectingError("initialize", id: 301, code: -32602, because: "no params")
        try session.callExpectingError("initialize", params: ["protocolVersion": "1.0"], id: 302, code: -32602, because: "clientInfo missing")
        try session.callExpectingError("initialize", params: Message.initializeParams(heartbeatMs: 50), id: 303, code: -32602,
                                       because: "heartbeatIntervalMs 50 is out of range")
        try session.callExpectingError("get_status", id: 304, code: -32002, because: "still uninitialized after -32602")
        try session.initialize()
        return nil
    }

    static func noEarlyNotifications(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        try session.call("get_status", id: 311)
        session.settle(forMs: 200)
        try session.initialize(Message.initializeParams(heartbeatMs: 100))
        guard let reply = session.responses(to: "lsconform-init").first?.line.index else { return nil }
        let early = session.lines.prefix(reply).filter { $0.notification != nil }
        try require(early.isEmpty, expected: "no notification before the initialize reply", actual: early.first?.excerpt() ?? "")
        return nil
    }

    static func requestsBeforeInitialize(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        try session.callExpectingError("get_status", id: 321, code: -32002, because: "not initialized")
        try session.callExpectingError("health_check", id: 322, code: -32002, because: "not initialized")
        try session.callExpectingError("transcribe", params: context.transcribe(context.fixtures.short), id: 323, code: -32002, because: "not initialized")
        try session.callExpectingError("no_such_method", id: 324, code: -32002, because: "not initialized (before -32601)")
        return nil
    }

    static func notificationsBeforeInitialize(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        try session.sendRaw(Array(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":1}}"#.utf8) + [0x0A]
                            + Array(#"{"jsonrpc":"2.0","method":"no_such_notification"}"#.utf8) + [0x0A])
        try session.call("get_status", id: 331)
        session.settle(forMs: 100)
        try CaseSupport.requireNoOtherResponses(session, allowed: [331], because: "notifications before initialize are ignored")
        return nil
    }

    static func secondInitialize(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let before = try session.callResult("get_status", id: 341)
        try session.callExpectingError("initialize", params: Message.initializeParams(), id: 342, code: -32003, because: "already initialized")
        let after = try session.callResult("get_status", id: 343)
        try require(before["maxConcurrentRequests"] == after["maxConcurrentRequests"],
                    expected: "capabilities unchanged by a second initialize",
                    actual: "maxConcurrentRequests \(before["maxConcurrentRequests"]?.serializedString ?? "?") → \(after["maxConcurrentRequests"]?.serializedString ?? "?")")
        return nil
    }

    static func versionUnsupported(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        let response = try session.call("initialize", params: Message.initializeParams(version: "2.0"), id: 351)
        try requireError(response, code: -32004, because: "major version 2 is not supported")
        let supported = response["error"]?["data"]?["supported"]?.arrayValue ?? []
        try require(!supported.isEmpty && supported.allSatisfy { $0.stringValue != nil },
                    expected: "data.supported, a non-empty array of version strings", actual: response.serializedLine)
        try session.callExpectingError("get_status", id: 352, code: -32002, because: "still uninitialized after -32004")
        try session.initialize()
        return nil
    }

    static func versionMalformed(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        for (offset, version) in ["1", "v1.0", "01.0", "1.0.0"].enumerated() {
            try session.callExpectingError("initialize", params: Message.initializeParams(version: version), id: RPCID(360 + offset),
                                           code: -32602, because: "protocolVersion \"\(version)\" is malformed")
        }
        return nil
    }

    static func versionMinor(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        let result = try session.initialize(Message.initializeParams(version: "1.7"))
        let answered = result["protocolVersion"]?.stringValue ?? ""
        let parts = answered.split(separator: ".")
        try require(parts.count == 2 && parts[0] == "1" && (Int(parts[1]) ?? 99) <= 7,
                    expected: "protocolVersion 1.m with m ≤ 7", actual: "\"\(answered)\"")
        return nil
    }
}
