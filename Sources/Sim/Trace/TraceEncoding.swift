import Core
import Wire

/// Deterministic JSON for coordinator inputs and actions (member order fixed here, no floats).
package enum TraceEncoding {
    static func number(_ value: UInt64) -> JSONValue { .number(JSONNumber(value)) }
    static func number(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
    static func string(_ value: String) -> JSONValue { .string(value) }
    static func engineName(_ value: EngineID?) -> JSONValue { value.map { .string($0.name) } ?? .null }

    static func input(_ input: CoordinatorInput) -> JSONValue {
        switch input {
        case .timerFired(let timer): return ["timer": string(timer.description)]
        case .tick: return ["tick": true]
        case .dependenciesChecked(let engine, let missing):
            return ["dependenciesChecked": engineName(engine), "missing": .array(missing.map(string))]
        case .dependenciesInstalled(let engine, let failure):
            return ["dependenciesInstalled": engineName(engine), "failure": failure.map(string) ?? .null]
        case .processSpawned(let engine, let pid):
            return ["processSpawned": engineName(engine), "pid": number(Int(pid.value))]
        case .spawnFailed(let engine, let reason): return ["spawnFailed": engineName(engine), "reason": string(reason)]
        case .processExited(let engine, let pid, let status):
            return ["processExited": engineName(engine), "pid": number(Int(pid.value)), "status": string(status.description)]
        case .engineMessage(let engine, let message):
            return ["message": engineName(engine), "body": self.message(message)]
        case .engineStderr(let engine, let line): return ["stderr": engineName(engine), "line": string(line)]
        case .engineProtocolError(let engine, let code, let detail):
            return ["protocolError": engineName(engine), "code": number(code), "detail": string(detail)]
        case .client(let command): return ["client": self.command(command)]
        }
    }

    static func message(_ message: EngineMessage) -> JSONValue {
        switch message {
        case .response(let id, .success(let result)): return ["response": number(id.value), "result": result]
        case .response(let id, .failure(let error)): return ["response": number(id.value), "error": rpcError(error)]
        case .errorWithoutID(let error): return ["error": rpcError(error)]
        case .heartbeat(let seq, let uptime): return ["heartbeat": number(seq), "uptimeMs": number(uptime)]
        case .progress(let id, let permille, let stage):
            return ["progress": number(id.value), "permille": number(UInt64(permille)), "stage": string(stage)]
        case .draft(let id, let seq, let segment):
            return ["draft": number(id.value), "seq": number(seq), "segment": self.segment(segment)]
        }
    }

    static func rpcError(_ error: EngineErrorObject) -> JSONValue {
        ["code": number(error.code), "message": string(error.message), "data": error.data ?? .null]
    }

    static func command(_ command: ClientCommand) -> JSONValue {
        switch command {
        case .submit(let spec): return ["submit": taskSpec(spec)]
        case .cancel(let id): return ["cancel": number(id.value)]
        case .startEngine(let engine): return ["startEngine": engineName(engine)]
        case .stopEngine(let engine): return ["stopEngine": engineName(engine)]
        case .restartEngine(let engine): return ["restartEngine": engineName(engine)]
        case .startAllEngines: return ["startAllEngines": true]
        case .stopAllEngines: return ["stopAllEngines": true]
        case .replay(let job, let after):
            return ["replay": job.map { number($0.value) } ?? .null, "after": after.map { number($0.value) } ?? .null]
        }
    }

    static func taskSpec(_ spec: TaskSpec) -> JSONValue {
        [
            "audio": string(spec.transcribe.audioPath), "language": spec.transcribe.language.map(string) ?? .null,
            "priority": string(spec.priority.description), "deadlineMs": spec.deadlineMs.map(number) ?? .null,
            "dependencies": .array(spec.dependencies.map { number($0.value) }),
            "engines": .array(spec.engines.map { engineName($0) }), "idempotencyKey": spec.idempotencyKey.map(string) ?? .null,
            "timeoutMs": spec.requestTimeoutMs.map(number) ?? .null, "cost": number(UInt64(spec.cost)),
        ]
    }

    static func action(_ action: CoordinatorAction) -> JSONValue {
        switch action {
        case .checkDependencies(let engine, let names):
            return ["checkDependencies": engineName(engine), "names": .array(names.map(string))]
        case .installDependencies(let engine, let names):
            return ["installDependencies": engineName(engine), "names": .array(names.map(string))]
        case .spawn(let engine, let spec):
            return ["spawn": engineName(engine), "executable": string(spec.executable), "arguments": .array(spec.arguments.map(string))]
        case .send(let engine, let request): return ["send": engineName(engine), "request": EngineCodec.json(request)]
        case .signal(let engine, let pid, let signal, let group):
            return ["signal": engineName(engine), "pid": number(Int(pid.value)), "name": string(signal.description), "group": .bool(group)]
        case .armTimer(let timer, let atMs): return ["arm": string(timer.description), "at": number(atMs)]
        case .cancelTimer(let timer): return ["cancelTimer": string(timer.description)]
        case .emit(let event): return ["emit": self.event(event)]
        case .reply(let reply): return ["reply": self.reply(reply)]
        }
    }

    static func reply(_ reply: ClientReply) -> JSONValue {
        switch reply {
        case .submitted(let id, let deduplicated): return ["submitted": number(id.value), "deduplicated": .bool(deduplicated)]
        case .cancelled(let id): return ["cancelled": number(id.value)]
        case .engineCommandAccepted(let engine): return ["accepted": engineName(engine)]
        case .replay(let job, let events):
            return ["replay": job.map { number($0.value) } ?? .null, "events": .array(events.map { number($0.id.value) })]
        case .rejected(let error): return ["rejected": coreError(error)]
        }
    }

    static func coreError(_ error: CoreError) -> JSONValue {
        ["code": string(error.code.id), "detail": string(error.detail), "engineCode": error.engineCode.map(number) ?? .null]
    }

    static func milliseconds(_ seconds: Double) -> JSONValue {
        guard seconds.isFinite, abs(seconds) < 1e12 else { return .null }
        return .number(JSONNumber(Int64((seconds * 1_000).rounded())))
    }

    static func segment(_ segment: Segment) -> JSONValue {
        [
            "id": number(segment.id), "startMs": milliseconds(segment.startSeconds), "endMs": milliseconds(segment.endSeconds),
            "text": string(segment.text), "confidencePermille": segment.confidence.map(milliseconds) ?? .null,
            "words": number(segment.words.count),
        ]
    }
}
