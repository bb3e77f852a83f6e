import Wire

/// SPEC section 2: streams, framing, message size, undecodable input, flushing, stderr.
extension CaseCatalog {
    static let framing: [ConformanceCase] = [
        .init("framing/quiet-start", rule: "2.1-MUST-NOT-1", "nothing on stdout before the first request; then only the reply", quietStart),
        .init("framing/protocol-lines-only", rule: "2.1-MUST-NOT-1", "every stdout line of a full session is a JSON message", protocolLinesOnly),
        .init("framing/single-line-messages", rule: "2.2-MUST-NOT-1", "no message spans several lines (no pretty-printing)", singleLineMessages),
        .init("framing/lf-terminated", rule: "2.2-MUST-1", "every line, the last one too, is UTF-8 ending in LF", lfTerminated),
        .init("framing/byte-at-a-time", rule: "2.2-MUST-3", "a request written one byte per write is answered", byteAtATime),
        .init("framing/split-utf8", rule: "2.2-MUST-3", "a read boundary inside a multi-byte UTF-8 sequence is harmless", splitUTF8),
        .init("framing/several-in-one-write", rule: "2.2-MUST-3", "three messages in one write are all handled", severalInOneWrite),
        .init("framing/separators-inside-strings", rule: "2.2-MUST-2", "raw U+2028, U+2029, U+0085 and a lone CR do not end a line", separatorsInsideStrings),
        .init("framing/crlf", rule: "2.2-MUST-4", "a CR before the LF is stripped", crlf),
        .init("framing/blank-lines", rule: "2.2-MUST-5", "empty and whitespace-only lines get no reply", blankLines),
        .init("framing/line-at-limit", rule: "2.3-MUST-1", "a line of exactly the effective limit is accepted", lineAtLimit),
        .init("framing/oversized-line", rule: "2.3-MUST-3", "a line over the limit gets one -32001 with id null; serving goes on", oversizedLine),
        .init("framing/oversized-resync", rule: "2.3-MUST-2", "the line after an oversized one (same write) is processed", oversizedResync),
        .init("framing/invalid-utf8", rule: "2.4-MUST-1", "a line of invalid UTF-8 gets one -32700 with id null", invalidUTF8),
        .init("framing/invalid-json", rule: "2.4-MUST-2", "truncated JSON, trailing garbage, trailing comma: -32700 with id null each", invalidJSON),
        .init("framing/scalar-values", rule: "2.4-MUST-3", "42, \"x\", null, true: -32600 with id null each", scalarValues),
        .init("framing/flushed-while-stdin-open", rule: "2.5-MUST-1", "replies and heartbeats arrive while stdin stays open", flushedWhileOpen),
        .init("framing/stderr-json-logs", rule: "2.6-SHOULD-1", "stderr lines are JSON with level and msg", stderrJSONLogs),
    ]

    static func quietStart(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        session.settle(forMs: 300)
        try require(session.lines.isEmpty, expected: "no output before any input",
                    actual: "stdout: \(session.lines.first?.excerpt() ?? "")")
        try session.initialize()
        let first = session.lines.first
        try require(first?.json?.objectValue?.responseID == .string("lsconform-init"),
                    expected: "the first stdout line is the initialize reply", actual: first?.excerpt() ?? "nothing")
        return nil
    }

    static func protocolLinesOnly(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try CaseSupport.ordinarySession(context)
        let (stray, _) = StdoutHygiene.classify(session.lines)
        try require(stray.isEmpty, expected: "only JSON-RPC messages on stdout",
                    actual: "non-protocol line(s): " + stray.prefix(3).map { "\"\($0.excerpt(limit: 80))\"" }.joined(separator: ", "))
        return nil
    }

    static func singleLineMessages(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try CaseSupport.ordinarySession(context)
        let (_, spanning) = StdoutHygiene.classify(session.lines)
        try require(spanning.isEmpty, expected: "one message per line",
                    actual: "a message spread over \(spanning.first?.count ?? 0) lines: \(spanning.first?.first?.excerpt(limit: 40) ?? "")…")
        return nil
    }

    static func lfTerminated(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try CaseSupport.ordinarySession(context)
        for line in session.lines {
            try require(line.terminated, expected: "every line ends in LF", actual: "unterminated last line \"\(line.excerpt())\"")
            try require(String(validating: line.bytes, as: UTF8.self) != nil, expected: "UTF-8 lines",
                        actual: "invalid UTF-8 in \"\(line.excerpt())\"")
        }
        try require(!session.lines.isEmpty, expected: "replies", actual: "no stdout")
        return nil
    }

    static func byteAtATime(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let bytes = Message.request(id: 21, method: "get_status").encodedLine()
        try session.sendChunks(bytes.map { [$0] }, pauseUs: 300)
        let result = try session.result(of: try session.reply(to: 21, what: "get_status sent byte by byte"), what: "get_status")
        var check = ShapeCheck()
        Shapes.status(result, into: &check)
        try check.require("the get_status result")
        return nil
    }

    static func splitUTF8(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let bytes = Message.request(id: "é-中-😀", method: "health_check", params: ["note": "héllo 中文 😀 ✓"]).encodedLine()
        guard let emoji = bytes.firstIndex(of: 0xF0) else { preconditionFailure("fixture lost its emoji") }
        // Cut inside the 4-byte emoji of the id, and inside the 3-byte 中 of the params.
        let cut = bytes.lastIndex(of: 0xE4) ?? emoji
        try session.sendChunks([Array(bytes[..<(emoji + 2)]), Array(bytes[(emoji + 2)..<(cut + 1)]), Array(bytes[(cut + 1)...])], pauseUs: 20_000)
        _ = try session.result(of: try session.reply(to: "é-中-😀", what: "health_check split inside UTF-8"), what: "health_check")
        return nil
    }

    static func severalInOneWrite(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let bytes = Message.request(id: 31, method: "get_status").encodedLine()
            + Message.notification("no_such_notification").encodedLine()
            + Message.request(id: 32, method: "health_check").encodedLine()
        try session.sendRaw(bytes)
        _ = try session.result(of: try session.reply(to: 31, what: "get_status (first of three)"), what: "get_status")
        _ = try session.result(of: try session.reply(to: 32, what: "health_check (third of three)"), what: "health_check")
        return nil
    }

    static func separatorsInsideStrings(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        var line = Array(#"{"jsonrpc":"2.0","id":41,"method":"health_check","params":{"text":"a"#.utf8)
        line += [0xE2, 0x80, 0xA8] + Array("b".utf8) + [0xE2, 0x80, 0xA9] + Array("c".utf8) + [0xC2, 0x85]
        line += Array(#"d"}}"#.utf8) + [0x0A]
        // A CR between tokens is JSON whitespace, not a line end.
        line += Array(#"{"jsonrpc":"2.0","#.utf8) + [0x0D] + Array(#""id":42,"method":"get_status"}"#.utf8) + [0x0A]
        try session.sendRaw(line)
        _ = try session.result(of: try session.reply(to: 41, what: "health_check with raw U+2028/U+2029/U+0085"), what: "health_check")
        _ = try session.result(of: try session.reply(to: 42, what: "get_status with a CR between tokens"), what: "get_status")
        return nil
    }
}
