import Wire

/// Framing cases about odd input: CRLF, blank lines, size limits, undecodable lines.
extension CaseCatalog {
    /// The limit cases offer in `initialize`, so that the effective limit is exactly this.
    static let offeredLimitBytes = 65_536

    static func crlf(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        var bytes = Message.request(id: 51, method: "get_status").encodedLine()
        bytes.insert(0x0D, at: bytes.count - 1)
        try session.sendRaw(bytes)
        _ = try session.result(of: try session.reply(to: 51, what: "get_status ending in CRLF"), what: "get_status")
        return nil
    }

    static func blankLines(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let start = session.lines.count
        try session.sendRaw(Array("\n   \n\t\r\n\r\n \t \n".utf8))
        try session.barrier(graceMs: 100)
        let extra = session.lines.dropFirst(start).filter { !($0.json?.objectValue?.responseID?.isRunnerOwn ?? false) }
        try require(extra.isEmpty, expected: "no reply to blank lines", actual: "got \(extra.first?.excerpt() ?? "")")
        return nil
    }

    /// A `get_status` request padded with an unknown params member to exactly `length` bytes (without LF).
    static func paddedRequest(id: Int, length: Int) -> [UInt8] {
        let head = Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"get_status","params":{"padding":""#.utf8)
        let tail = Array(#""}}"#.utf8)
        return head + [UInt8](repeating: UInt8(ascii: "x"), count: length - head.count - tail.count) + tail
    }

    static func lineAtLimit(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized(limitBytes: offeredLimitBytes)
        try session.sendRaw(paddedRequest(id: 61, length: offeredLimitBytes) + [0x0A])
        _ = try session.result(of: try session.reply(to: 61, what: "a get_status line of exactly \(offeredLimitBytes) bytes"), what: "get_status")
        return nil
    }

    static func oversizedLine(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized(limitBytes: offeredLimitBytes)
        try session.sendRaw(paddedRequest(id: 62, length: offeredLimitBytes + 1 + 40_000) + [0x0A])
        try session.barrier(graceMs: 100)
        let errors = CaseSupport.allResponses(session).filter { !($0.responseID?.isRunnerOwn ?? false) }
        try require(errors.count == 1 && errors[0].errorCode == -32001 && errors[0].responseID == .null,
                    expected: "exactly one error -32001 with id null, then the next request served",
                    actual: errors.isEmpty ? "no reply to the oversized line" : errors.map(\.serializedLine).joined(separator: " | "))
        return nil
    }

    static func oversizedResync(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized(limitBytes: offeredLimitBytes)
        let bytes = paddedRequest(id: 63, length: offeredLimitBytes + 5_000) + [0x0A] + Message.request(id: 64, method: "get_status").encodedLine()
        try session.sendRaw(bytes)
        _ = try session.result(of: try session.reply(to: 64, what: "get_status right after an oversized line"), what: "get_status")
        try require(session.responses(to: 63).isEmpty, expected: "the oversized request is discarded, not answered",
                    actual: session.responses(to: 63).first?.response.serializedLine ?? "")
        return nil
    }

    /// Sends `lines` and requires exactly one error `code` with id null for each, in order.
    static func requireNullIDErrors(_ session: EngineSession, lines: [[UInt8]], code: Int, what: String) throws(CaseFailure) {
        let start = session.lines.count
        try session.sendRaw(lines.flatMap { $0 + [0x0A] })
        try session.barrier(graceMs: 50)
        let replies = session.lines.dropFirst(start).flatMap(\.responses).filter { $0.responseID == .null }
        try require(replies.count == lines.count && replies.allSatisfy { $0.errorCode == code },
                    expected: "\(lines.count) error(s) \(code) with id null (\(what))",
                    actual: "\(replies.count) id-null repl\(replies.count == 1 ? "y" : "ies"): "
                        + replies.map { "\($0.errorCode.map(String.init) ?? "result")" }.joined(separator: ", "))
    }

    static func invalidUTF8(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let bad: [UInt8] = Array(#"{"jsonrpc":"2.0","id":71,"method":"get_status","params":{"x":""#.utf8) + [0xFF, 0xC0, 0xAF] + Array(#""}}"#.utf8)
        try requireNullIDErrors(session, lines: [bad], code: -32700, what: "invalid UTF-8")
        return nil
    }

    static func invalidJSON(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let lines = [#"{"jsonrpc":"2.0","id":72,"method":"get_status""#, #"{"jsonrpc":"2.0","id":73,"method":"get_status"} x"#,
                     #"{"jsonrpc":"2.0","id":74,"method":"get_status",}"#, #"{'jsonrpc':'2.0'}"#]
        try requireNullIDErrors(session, lines: lines.map { Array($0.utf8) }, code: -32700, what: "invalid JSON")
        return nil
    }

    static func scalarValues(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try requireNullIDErrors(session, lines: ["42", #""x""#, "null", "true"].map { Array($0.utf8) }, code: -32600, what: "not an object or array")
        return nil
    }

    static func flushedWhileOpen(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized(heartbeatMs: 100)
        try session.call("get_status", id: 81)
        let beat = session.waitForLine(timeoutMs: 1_000) { $0.notification?.method == "heartbeat" }
        try require(beat != nil, expected: "a heartbeat (interval 100 ms) readable within 1 s while stdin is open",
                    actual: "none arrived: notifications are not flushed")
        return nil
    }

    static func stderrJSONLogs(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try CaseSupport.ordinarySession(context)
        let text = String(decoding: session.stderrTail, as: UTF8.self)
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let value: JSONValue?
            do { value = try JSONParser.parse(String(line)) } catch { value = nil }
            try require(value?["level"]?.stringValue != nil && value?["msg"]?.stringValue != nil,
                        expected: "stderr lines are JSON objects with \"level\" and \"msg\"", actual: "\"\(line.prefix(100))\"")
        }
        return text.isEmpty ? "the engine wrote nothing on stderr" : nil
    }
}
