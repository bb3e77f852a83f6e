import Wire

/// JSON-RPC helpers over the raw session: requests, replies by id, notifications, barriers.
extension EngineSession {
    /// Every response object (single or inside a batch) whose id equals `id` (3.2-MUST-3 equality).
    package func responses(to id: RPCID) -> [(line: OutputLine, response: JSONObject)] {
        var found: [(line: OutputLine, response: JSONObject)] = []
        for line in lines {
            for response in line.responses where response.responseID == id { found.append((line, response)) }
        }
        return found
    }

    /// Every notification with `method`, in arrival order.
    package func notifications(_ method: String) -> [(line: OutputLine, params: JSONValue?)] {
        var found: [(line: OutputLine, params: JSONValue?)] = []
        for line in lines {
            if let notification = line.notification, notification.method == method {
                found.append((line, notification.params))
            }
        }
        return found
    }

    /// Waits for a single-line response (not inside a batch) with `id`.
    /// Until the engine's first stdout line, the wait is at least the start-up allowance.
    package func waitForResponse(to id: RPCID, timeoutMs: Int? = nil) -> (line: OutputLine, response: JSONObject)? {
        var timeout = timeoutMs ?? replyTimeoutMs
        if lines.isEmpty { timeout = max(timeout, Self.startupTimeoutMs) }
        let line = waitForLine(timeoutMs: timeout) { line in
            guard case .object(let object)? = line.json else { return false }
            return object.responseID == id && !object.contains("method")
        }
        guard let line, let object = line.json?.objectValue else { return nil }
        return (line, object)
    }

    /// Sends a request and returns its response; a missing reply is a failure.
    @discardableResult
    package func call(_ method: String, params: JSONValue? = nil, id: RPCID) throws(CaseFailure) -> JSONObject {
        try send(Message.request(id: id, method: method, params: params))
        return try reply(to: id, what: method)
    }

    /// The response to `id`, waited for; a missing reply is a failure naming `what`.
    package func reply(to id: RPCID, what: String, timeoutMs: Int? = nil) throws(CaseFailure) -> JSONObject {
        let timeout = lines.isEmpty ? max(timeoutMs ?? replyTimeoutMs, Self.startupTimeoutMs) : timeoutMs ?? replyTimeoutMs
        guard let found = waitForResponse(to: id, timeoutMs: timeout) else {
            throw CaseFailure(
                expected: "a reply to \(what) (id \(id)) within \(timeout) ms",
                actual: "no reply" + stdoutSummary)
        }
        return found.response
    }

    /// The `result` of a response; an error response is a failure.
    package func result(of response: JSONObject, what: String) throws(CaseFailure) -> JSONValue {
        guard let result = response["result"] else {
            throw CaseFailure(expected: "a result for \(what)", actual: "\(response["error"]?.serializedString ?? "no result member")")
        }
        return result
    }

    /// Calls `method` and returns its result.
    package func callResult(_ method: String, params: JSONValue? = nil, id: RPCID) throws(CaseFailure) -> JSONValue {
        try result(of: try call(method, params: params, id: id), what: method)
    }

    /// Calls and requires an error with `code`.
    package func callExpectingError(
        _ method: String, params: JSONValue? = nil, id: RPCID, code: Int, because: String
    ) throws(CaseFailure) {
        let response = try call(method, params: params, id: id)
        try requireError(response, code: code, because: because)
    }

    /// Sends `initialize` with `params` and requires a result.
    @discardableResult
    package func initialize(_ params: JSONValue = Message.initializeParams(), id: RPCID = "lsconform-init") throws(CaseFailure) -> JSONObject {
        let response = try call("initialize", params: params, id: id)
        guard let result = response["result"]?.objectValue else {
            throw CaseFailure(expected: "initialize succeeds", actual: response.serializedLine)
        }
        return result
    }

    /// A `health_check` round trip: once its reply is in, everything the engine wrote for earlier
    /// input is very likely in too; then `graceMs` more of output is read.
    package func barrier(graceMs: Int = 50) throws(CaseFailure) {
        let id = nextBarrierID()
        try send(Message.request(id: id, method: "health_check"))
        _ = try reply(to: id, what: "health_check (barrier)")
        if graceMs > 0 { settle(forMs: graceMs) }
    }

    /// Like a coordinator (5.2-SHOULD-NOT-1), waits while `health_check` says `loading` (5.2-MAY-1),
    /// polling every 20 ms up to the start-up allowance; any other answer ends the wait.
    package func waitUntilLoaded() throws(CaseFailure) {
        let deadline = MonotonicClock.deadline(afterMs: Self.startupTimeoutMs)
        repeat {
            let id = nextBarrierID()
            try send(Message.request(id: id, method: "health_check"))
            let response = try reply(to: id, what: "health_check (waiting for the model)")
            guard response["result"]?["status"] == "loading" else { return }
            settle(forMs: 20)
        } while MonotonicClock.nowNs() < deadline
    }

    /// Lines and stderr at a glance, for failure messages.
    package var stdoutSummary: String {
        let tail = lines.suffix(3).map { $0.excerpt(limit: 120) }
        let stdout = tail.isEmpty ? "; stdout empty" : "; last stdout: " + tail.joined(separator: " | ")
        return stdout + (exitStatus.map { "; engine ended: \($0)" } ?? "")
    }
}

/// Requires `response` to be an error with `code`.
package func requireError(_ response: JSONObject, code: Int, because: String) throws(CaseFailure) {
    let actual = response.errorCode
    try require(
        actual == code,
        expected: "error \(code) (\(because))",
        actual: actual.map { "error \($0)" } ?? "result \(response["result"]?.serializedString.prefix(120) ?? "none")")
}

extension JSONObject {
    package var serializedLine: String { JSONValue.object(self).serializedString }
}
