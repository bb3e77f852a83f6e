import Wire

/// One line the engine wrote on stdout (split at LF only), parsed when it is valid JSON.
package struct OutputLine: Sendable {
    /// Position among the engine's stdout lines, from 0.
    package var index: Int
    /// Milliseconds since the engine was started, when the line's LF arrived (or stdout closed).
    package var timeMs: Double
    /// The line without its LF.
    package var bytes: [UInt8]
    /// False for a final fragment that stdout closed without an LF.
    package var terminated: Bool
    /// The JSON value, or nil when the line is not valid JSON.
    package var json: JSONValue?

    /// The line as text for reports (invalid UTF-8 replaced), cut to `limit` characters.
    package func excerpt(limit: Int = 160) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    /// The response objects this line carries: itself, or the elements of a batch array.
    package var responses: [JSONObject] {
        switch json {
        case .object(let object) where object.contains("id") && !object.contains("method"): [object]
        case .array(let elements): elements.compactMap { element in
            guard let object = element.objectValue, object.contains("id"), !object.contains("method") else { return nil }
            return object
        }
        default: []
        }
    }

    /// The notification this line carries (an object with `method` and no `id`).
    package var notification: (method: String, params: JSONValue?)? {
        guard case .object(let object)? = json, !object.contains("id"),
              let method = object["method"]?.stringValue else { return nil }
        return (method, object["params"])
    }

    package var isBatch: Bool { if case .array? = json { true } else { false } }
}
