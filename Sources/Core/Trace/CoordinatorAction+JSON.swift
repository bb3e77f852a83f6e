import Wire

/// Actions as JSON for traces: `{"type", ...}` with members in a fixed order; `send` carries the
/// exact JSON-RPC message.
extension CoordinatorAction {
    package var json: JSONValue {
        switch self {
        case .checkDependencies(let engine, let names):
            ["type": "checkDependencies", "engine": engine.json, "names": .array(names.map(JSONValue.string))]
        case .installDependencies(let engine, let names):
            ["type": "installDependencies", "engine": engine.json, "names": .array(names.map(JSONValue.string))]
        case .spawn(let engine, let spec): ["type": "spawn", "engine": engine.json, "spec": spec.json]
        case .send(let engine, let request):
            ["type": "send", "engine": engine.json, "request": EngineCodec.json(request)]
        case .signal(let engine, let pid, let signal, let processGroup):
            ["type": "signal", "engine": engine.json, "pid": pid.json, "signal": .number(JSONNumber(Int(signal.number))),
             "processGroup": .bool(processGroup)]
        case .armTimer(let timer, let atMs):
            ["type": "armTimer", "timer": .string(timer.description), "atMs": .number(JSONNumber(atMs))]
        case .cancelTimer(let timer): ["type": "cancelTimer", "timer": .string(timer.description)]
        case .emit(let event): ["type": "emit", "event": event.json]
        case .reply(let reply): ["type": "reply", "reply": reply.json]
        }
    }
}

extension ClientReply {
    package var json: JSONValue {
        switch self {
        case .submitted(let task, let deduplicated): ["submitted": task.json, "deduplicated": .bool(deduplicated)]
        case .cancelled(let task): ["cancelled": task.json]
        case .engineCommandAccepted(let engines): ["engineCommandAccepted": .array(engines.map(\.json))]
        case .probing(let engine, let outstanding): ["probing": engine.json, "alreadyOutstanding": .bool(outstanding)]
        case .replay(let job, let events): ["replay": job?.json ?? .null, "events": .array(events.map(\.json))]
        case .rejected(let error): ["rejected": error.json]
        }
    }
}

extension SpawnSpec {
    package var json: JSONValue {
        [
            "executable": .string(executable),
            "arguments": .array(arguments.map(JSONValue.string)),
            "environment": .array(environment.map { [.string($0.name), .string($0.value)] }),
            "workingDirectory": workingDirectory.map(JSONValue.string) ?? .null,
        ]
    }
}
