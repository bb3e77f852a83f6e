import Wire

/// Inputs as JSON for traces: `{"type", ...}` with members in a fixed order.
extension CoordinatorInput {
    package var json: JSONValue {
        switch self {
        case .timerFired(let timer): ["type": "timerFired", "timer": .string(timer.description)]
        case .tick: ["type": "tick"]
        case .dependenciesChecked(let engine, let missing):
            ["type": "dependenciesChecked", "engine": engine.json, "missing": .array(missing.map(JSONValue.string))]
        case .dependenciesInstalled(let engine, let failure):
            ["type": "dependenciesInstalled", "engine": engine.json, "failure": failure.map(JSONValue.string) ?? .null]
        case .processSpawned(let engine, let pid): ["type": "processSpawned", "engine": engine.json, "pid": pid.json]
        case .spawnFailed(let engine, let reason):
            ["type": "spawnFailed", "engine": engine.json, "reason": .string(reason)]
        case .processExited(let engine, let pid, let status):
            ["type": "processExited", "engine": engine.json, "pid": pid.json, "status": status.json]
        case .engineMessage(let engine, let message):
            ["type": "engineMessage", "engine": engine.json, "message": message.json]
        case .engineStderr(let engine, let line): ["type": "engineStderr", "engine": engine.json, "line": .string(line)]
        case .engineProtocolError(let engine, let code, let detail):
            ["type": "engineProtocolError", "engine": engine.json, "code": .number(JSONNumber(code)),
             "detail": .string(detail)]
        case .client(let command): ["type": "client", "command": command.json]
        }
    }
}

extension ClientCommand {
    package var json: JSONValue {
        switch self {
        case .submit(let spec): ["submit": spec.json]
        case .cancel(let task): ["cancel": task.json]
        case .startEngine(let engine): ["startEngine": engine.json]
        case .stopEngine(let engine): ["stopEngine": engine.json]
        case .restartEngine(let engine): ["restartEngine": engine.json]
        case .probeEngine(let engine): ["probeEngine": engine.json]
        case .startAllEngines: ["startAllEngines": true]
        case .stopAllEngines: ["stopAllEngines": true]
        case .replay(let job, let after):
            ["replay": ["job": job?.json ?? .null, "after": after.map { .number(JSONNumber($0.value)) } ?? .null]]
        }
    }
}

extension TaskSpec {
    package var json: JSONValue {
        [
            "audio": .string(transcribe.audioPath),
            "language": transcribe.language.map(JSONValue.string) ?? .null,
            "options": .object(transcribe.options),
            "priority": .string(priority.description),
            "deadlineMs": deadlineMs.map { .number(JSONNumber($0)) } ?? .null,
            "dependencies": .array(dependencies.map(\.json)),
            "engines": .array(engines.map(\.json)),
            "idempotencyKey": idempotencyKey.map(JSONValue.string) ?? .null,
            "requestTimeoutMs": requestTimeoutMs.map { .number(JSONNumber($0)) } ?? .null,
            "cost": .number(JSONNumber(Int(cost))),
        ]
    }
}

extension TaskID {
    package var json: JSONValue { .number(JSONNumber(value)) }
}

extension ProcessID {
    package var json: JSONValue { .number(JSONNumber(Int(value))) }
}
