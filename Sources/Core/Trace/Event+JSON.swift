import Wire

/// Events as JSON, for clients (the subscription stream) and traces. Member order is fixed; times are
/// integers; transcripts and segments use Wire's shortest round-trip doubles, so output is deterministic.
extension Event {
    /// `{"id", "job", "atMs", "priority", "type", ...payload}`.
    package var json: JSONValue {
        var object: JSONObject = [
            "id": .number(JSONNumber(id.value)),
            "job": job.map { .number(JSONNumber($0.value)) } ?? .null,
            "atMs": .number(JSONNumber(atMs)),
            "priority": .string(priority.name),
            "type": .string(kind.name),
        ]
        for (key, value) in kind.payload { object[key] = value }
        return .object(object)
    }
}

extension EventPriority {
    package var name: String {
        switch self {
        case .low: "low"
        case .normal: "normal"
        case .high: "high"
        }
    }
}

extension EventKind {
    /// The kind's own members, in order.
    var payload: [(String, JSONValue)] {
        switch self {
        case .taskQueued, .taskCompleted, .taskCancelled: []
        case .taskStarted(let engine, let request, let dispatch):
            [("engine", engine.json), ("request", request.json), ("dispatch", .number(JSONNumber(Int(dispatch))))]
        case .subtitleDraft(let engine, let seq, let segment), .subtitleOverwrite(let engine, let seq, let segment):
            [("engine", engine.json), ("seq", .number(JSONNumber(seq))), ("segment", segment.json)]
        case .progressOverall(let permille): [("permille", .number(JSONNumber(Int(permille))))]
        case .engineResult(let engine, let transcript): [("engine", engine.json), ("transcript", transcript.json)]
        case .engineAttemptFailed(let engine, let error): [("engine", engine?.json ?? .null), ("error", error.json)]
        case .taskRequeued(let engine, let attemptsFailed, let reason):
            [("engine", engine.json), ("attemptsFailed", .number(JSONNumber(Int(attemptsFailed)))),
             ("reason", .string(reason))]
        case .taskQuarantined(let engine, let reasons):
            [("engine", engine?.json ?? .null), ("reasons", .array(reasons.map(JSONValue.string)))]
        case .engine(let engine, let signal): [("engine", engine.json)] + signal.payload
        case .taskFailed(let error): [("error", error.json)]
        case .historyTruncated(let evicted): [("evictedThrough", .number(JSONNumber(evicted.value)))]
        }
    }
}

extension EngineSignal {
    var payload: [(String, JSONValue)] {
        switch self {
        case .stage(let stage): [("stage", .string(stage.rawValue))]
        case .ready(let pid, let max):
            [("pid", .number(JSONNumber(Int(pid.value)))), ("requestsInFlightMax", .number(JSONNumber(max)))]
        case .unhealthy(let failures): [("consecutiveFailures", .number(JSONNumber(Int(failures))))]
        case .healthy, .restartCountReset, .stopped: []
        case .probed(let outcome): [("outcome", .string(outcome.rawValue))]
        case .crashed(let cause, let status): [("cause", .string(cause.description)), ("status", status?.json ?? .null)]
        case .restarting(let delay, let count):
            [("delayMs", .number(JSONNumber(delay))), ("restartCount", .number(JSONNumber(Int(count))))]
        case .failed(let cause): [("cause", .string(cause.description))]
        case .stopping(let reason): [("reason", .string(reason.description))]
        }
    }
}

extension EngineID {
    package var json: JSONValue { .string(name) }
}

extension RequestID {
    package var json: JSONValue { .number(JSONNumber(value)) }
}

extension TerminationStatus {
    package var json: JSONValue {
        switch self {
        case .exited(let code): ["exited": .number(JSONNumber(Int(code)))]
        case .signaled(let signal): ["signaled": .number(JSONNumber(Int(signal)))]
        }
    }
}

extension CoreError {
    /// `{"code", "detail", "engineCode"?}`.
    package var json: JSONValue {
        var object: JSONObject = ["code": .string(code.id), "detail": .string(detail)]
        if let engineCode { object["engineCode"] = .number(JSONNumber(engineCode)) }
        return .object(object)
    }
}

extension StopReason: CustomStringConvertible {
    package var description: String {
        switch self {
        case .requested: "requested"
        case .manualRestart: "manual_restart"
        case .forced(let cause): "forced(\(cause))"
        }
    }
}
