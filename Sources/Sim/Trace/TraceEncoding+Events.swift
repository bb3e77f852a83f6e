import Core
import Wire

/// Deterministic JSON for events.
extension TraceEncoding {
    package static func event(_ event: Event) -> JSONValue {
        var object: JSONObject = [
            "id": number(event.id.value), "job": event.job.map { number($0.value) } ?? .null,
            "name": string(event.kind.name),
        ]
        for (key, value) in kindFields(event.kind) { object[key] = value }
        return .object(object)
    }

    static func kindFields(_ kind: EventKind) -> [(String, JSONValue)] {
        switch kind {
        case .taskQueued, .taskCompleted, .taskCancelled: return []
        case .taskStarted(let engine, let request, let dispatch):
            return [("engine", engineName(engine)), ("request", number(request.value)), ("dispatch", number(UInt64(dispatch)))]
        case .subtitleDraft(let engine, let seq, let segment), .subtitleOverwrite(let engine, let seq, let segment):
            return [("engine", engineName(engine)), ("seq", number(seq)), ("segment", self.segment(segment))]
        case .progressOverall(let permille): return [("permille", number(UInt64(permille)))]
        case .engineResult(let engine, let transcript):
            return [("engine", engineName(engine)), ("language", string(transcript.language)),
                    ("durationMs", milliseconds(transcript.durationSeconds)),
                    ("segments", .array(transcript.segments.map(segment)))]
        case .engineAttemptFailed(let engine, let error): return [("engine", engineName(engine)), ("error", coreError(error))]
        case .taskRequeued(let engine, let attempts, let reason):
            return [("engine", engineName(engine)), ("attemptsFailed", number(UInt64(attempts))), ("reason", string(reason))]
        case .taskQuarantined(let engine, let reasons):
            return [("engine", engineName(engine)), ("reasons", .array(reasons.map(string)))]
        case .engine(let engine, let signal): return [("engine", engineName(engine))] + signalFields(signal)
        case .taskFailed(let error): return [("error", coreError(error))]
        case .historyTruncated(let through): return [("evictedThrough", number(through.value))]
        }
    }

    static func signalFields(_ signal: EngineSignal) -> [(String, JSONValue)] {
        switch signal {
        case .stage(let stage): return [("stage", string(stage.rawValue))]
        case .ready(let pid, let inFlight): return [("pid", number(Int(pid.value))), ("requestsInFlightMax", number(inFlight))]
        case .unhealthy(let failures): return [("consecutiveFailures", number(UInt64(failures)))]
        case .healthy, .restartCountReset, .stopped: return []
        case .crashed(let cause, let status):
            return [("cause", string(cause.description)), ("status", status.map { string($0.description) } ?? .null)]
        case .restarting(let delay, let count): return [("delayMs", number(delay)), ("restartCount", number(UInt64(count)))]
        case .failed(let cause): return [("cause", string(cause.description))]
        case .stopping(let reason): return [("reason", string(RecordedEvent.stopReason(reason)))]
        }
    }
}
