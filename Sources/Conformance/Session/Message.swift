import Wire

/// Builders for the messages cases send.
package enum Message {
    package static func request(id: RPCID, method: String, params: JSONValue? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("jsonrpc", "2.0"), ("id", id.json), ("method", .string(method))]
        if let params { members.append(("params", params)) }
        return .object(JSONObject(members))
    }

    package static func notification(_ method: String, params: JSONValue? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("jsonrpc", "2.0"), ("method", .string(method))]
        if let params { members.append(("params", params)) }
        return .object(JSONObject(members))
    }

    /// Valid `initialize` params; `limitBytes` nil leaves `limits` out (8 MiB default).
    package static func initializeParams(
        version: String = "1.0", heartbeatMs: Int = 0, limitBytes: Int? = nil
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("protocolVersion", .string(version)),
            ("clientInfo", ["name": "lsconform", "version": "0.1.0"]),
            ("heartbeatIntervalMs", .number(JSONNumber(heartbeatMs))),
            ("config", [:]),
        ]
        if let limitBytes { members.append(("limits", ["maxMessageBytes": .number(JSONNumber(limitBytes))])) }
        return .object(JSONObject(members))
    }

    /// `transcribe` params for `path` in `language` (nil sends JSON null).
    package static func transcribeParams(path: String, language: String?) -> JSONValue {
        ["audio": ["path": .string(path)], "language": language.map(JSONValue.string) ?? .null, "options": [:]]
    }

    /// Parses a literal JSON text used by cases (a programming error when invalid).
    package static func json(_ text: String) -> JSONValue {
        do { return try JSONParser.parse(text) } catch { preconditionFailure("bad literal JSON \(text): \(error)") }
    }
}
