import Wire

/// Engine and task states as JSON, for status commands, traces and timelines.
extension EngineState {
    /// `{"state": "running", ...details}`.
    package var json: JSONValue {
        var object: JSONObject = ["state": .string(phase.description)]
        switch self {
        case .stopped: break
        case .starting(_, let pid): object["pid"] = pid?.json ?? .null
        case .running(let pid, let startedAtMs, let restartCount):
            object["pid"] = pid.json
            object["startedAtMs"] = .number(JSONNumber(startedAtMs))
            object["restartCount"] = .number(JSONNumber(Int(restartCount)))
        case .backingOff(let restartAtMs, let restartCount):
            object["restartAtMs"] = .number(JSONNumber(restartAtMs))
            object["restartCount"] = .number(JSONNumber(Int(restartCount)))
        case .stopping(let pid, let reason):
            object["pid"] = pid?.json ?? .null
            object["reason"] = .string(reason.description)
        case .failed(let diagnostics): object["diagnostics"] = diagnostics.json
        }
        return .object(object)
    }
}

extension EngineDiagnostics {
    package var json: JSONValue {
        [
            "cause": .string(cause.description),
            "exitStatus": exitStatus?.json ?? .null,
            "stderrTail": .array(stderrTail.map(JSONValue.string)),
            "stderrLinesDropped": .number(JSONNumber(stderrLinesDropped)),
            "timeline": .array(timeline.map { ["atMs": .number(JSONNumber($0.atMs)), "phase": .string($0.phase.description)] }),
            "restartCount": .number(JSONNumber(Int(restartCount))),
            "failedAtMs": .number(JSONNumber(failedAtMs)),
        ]
    }
}

extension TaskState {
    /// `{"state": "running", ...details}`.
    package var json: JSONValue {
        switch self {
        case .pending: ["state": "pending"]
        case .running(let engines, let permille):
            ["state": "running", "engines": .array(engines.map(\.json)), "progressPermille": .number(JSONNumber(Int(permille)))]
        case .completed: ["state": "completed"]
        case .failed(let error): ["state": "failed", "error": error.json]
        case .cancelled: ["state": "cancelled"]
        }
    }
}
