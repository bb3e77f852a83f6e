import Wire

/// Shape checks of results and notifications (SPEC sections 5.2, 6, 7 and the schemas of 12).
package enum Shapes {
    package static func initializeResult(_ result: JSONValue, into check: inout ShapeCheck) {
        check.string(result["protocolVersion"], "result.protocolVersion")
        check.object(result["engine"], "result.engine")
        check.string(result["engine"]?["name"], "result.engine.name")
        check.string(result["engine"]?["version"], "result.engine.version")
        let capabilities = result["capabilities"]
        check.object(capabilities, "result.capabilities")
        if let languages = check.array(capabilities?["languages"], "capabilities.languages") {
            if languages.isEmpty { check.fail("capabilities.languages must not be empty") }
            let names = languages.compactMap(\.stringValue)
            if names.count != languages.count { check.fail("capabilities.languages must hold strings") }
            if Set(names).count != names.count { check.fail("capabilities.languages must be unique") }
        }
        for flag in ["drafts", "wordTimestamps", "wordConfidence"] { check.bool(capabilities?[flag], "capabilities.\(flag)") }
        check.integer(capabilities?["maxConcurrentRequests"], "capabilities.maxConcurrentRequests", minimum: 1)
        check.integer(result["limits"]?["maxMessageBytes"], "result.limits.maxMessageBytes", minimum: 65_536)
    }

    package static func segment(_ value: JSONValue, _ path: String, into check: inout ShapeCheck) {
        check.object(value, path)
        check.integer(value["id"], "\(path).id", minimum: 0)
        check.number(value["start"], "\(path).start")
        check.number(value["end"], "\(path).end")
        check.string(value["text"], "\(path).text")
        if let confidence = value["confidence"] { check.number(confidence, "\(path).confidence") }
        guard let words = check.array(value["words"], "\(path).words") else { return }
        for (index, word) in words.enumerated() {
            check.string(word["word"], "\(path).words[\(index)].word")
            check.number(word["start"], "\(path).words[\(index)].start")
            check.number(word["end"], "\(path).words[\(index)].end")
            if let confidence = word["confidence"] { check.number(confidence, "\(path).words[\(index)].confidence") }
        }
    }

    package static func transcribeResult(_ result: JSONValue, into check: inout ShapeCheck) {
        check.object(result, "result")
        check.string(result["language"], "result.language")
        check.number(result["duration"], "result.duration", range: 0...Double.greatestFiniteMagnitude)
        check.object(result["metrics"], "result.metrics")
        guard let segments = check.array(result["segments"], "result.segments") else { return }
        for (index, segment) in segments.enumerated() { Self.segment(segment, "segments[\(index)]", into: &check) }
    }

    package static func health(_ result: JSONValue, into check: inout ShapeCheck) {
        check.oneOf(result["status"], "result.status", ["ok", "loading", "degraded", "error"])
        check.object(result["detail"], "result.detail")
    }

    package static func status(_ result: JSONValue, into check: inout ShapeCheck) {
        check.oneOf(result["state"], "result.state", ["ready", "loading", "busy", "stopping"])
        check.integer(result["activeRequests"], "result.activeRequests", minimum: 0)
        check.integer(result["maxConcurrentRequests"], "result.maxConcurrentRequests", minimum: 1)
        check.integer(result["uptimeMs"], "result.uptimeMs", minimum: 0)
        check.integer(result["requestsServed"], "result.requestsServed", minimum: 0)
    }

    package static func metrics(_ result: JSONValue, into check: inout ShapeCheck) {
        for member in ["total", "succeeded", "failed", "cancelled"] {
            check.integer(result["requests"]?[member], "result.requests.\(member)", minimum: 0)
        }
        check.integer(result["uptimeMs"], "result.uptimeMs", minimum: 0)
        check.integer(result["durationMs"]?["count"], "result.durationMs.count", minimum: 0)
        check.number(result["durationMs"]?["mean"], "result.durationMs.mean")
        check.number(result["durationMs"]?["max"], "result.durationMs.max")
    }

    /// The envelope of anything an engine writes (12.1-MUST-1): a response or a notification.
    package static func outgoing(_ value: JSONValue, into check: inout ShapeCheck) {
        guard let object = value.objectValue else { check.fail("a message must be an object: \(value.serializedString.prefix(60))"); return }
        if object["jsonrpc"] != .string("2.0") { check.fail("jsonrpc must be \"2.0\"") }
        if object.contains("method") {
            if object.contains("id") { check.fail("the engine sent a request (method and id)") }
            notification(object, into: &check)
            return
        }
        guard let id = object["id"], RPCID(json: id) != nil else { check.fail("a response needs an id (string, number or null)"); return }
        if object.contains("result") == object.contains("error") { check.fail("a response needs exactly one of result and error") }
        if let error = object["error"] {
            check.integer(error["code"], "error.code")
            check.string(error["message"], "error.message")
        }
    }

    static func notification(_ object: JSONObject, into check: inout ShapeCheck) {
        let params = object["params"]
        switch object["method"]?.stringValue {
        case "heartbeat"?:
            check.integer(params?["seq"], "heartbeat.seq", minimum: 1)
            check.integer(params?["uptimeMs"], "heartbeat.uptimeMs", minimum: 0)
        case "progress"?:
            check.number(params?["fraction"], "progress.fraction", range: 0...1)
            check.string(params?["stage"], "progress.stage", nonEmpty: true)
        case "draft"?:
            check.integer(params?["seq"], "draft.seq", minimum: 1)
            if let segment = params?["segment"] { Self.segment(segment, "draft.segment", into: &check) } else { check.fail("draft.segment missing") }
        default:
            break
        }
    }
}
