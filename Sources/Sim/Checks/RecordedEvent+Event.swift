import Core

extension RecordedEvent {
    /// The expectation view of an event: its engine and a short detail (stage, exit cause, error code,
    /// restart delay, …).
    package init(_ event: Event, atMs: UInt64) {
        self.init(id: event.id, name: event.kind.name, job: event.job, engine: Self.engine(event.kind),
                  detail: Self.detail(event.kind), atMs: atMs)
    }

    static func engine(_ kind: EventKind) -> EngineID? {
        switch kind {
        case .taskStarted(let engine, _, _), .subtitleDraft(let engine, _, _), .subtitleOverwrite(let engine, _, _),
            .engineResult(let engine, _), .taskRequeued(let engine, _, _), .engine(let engine, _):
            engine
        case .engineAttemptFailed(let engine, _), .taskQuarantined(let engine, _):
            engine
        case .taskQueued, .progressOverall, .taskCompleted, .taskFailed, .taskCancelled, .historyTruncated:
            nil
        }
    }

    static func detail(_ kind: EventKind) -> String {
        switch kind {
        case .taskStarted(_, _, let dispatch): "\(dispatch)"
        case .subtitleDraft(_, _, let segment), .subtitleOverwrite(_, _, let segment): "\(segment.id)"
        case .progressOverall(let permille): "\(permille)"
        case .engineAttemptFailed(_, let error), .taskFailed(let error): error.code.id
        case .taskRequeued(_, let attempts, _): "\(attempts)"
        case .engine(_, let signal): signalDetail(signal)
        case .historyTruncated(let through): "\(through.value)"
        case .taskQueued, .engineResult, .taskQuarantined, .taskCompleted, .taskCancelled: ""
        }
    }

    static func signalDetail(_ signal: EngineSignal) -> String {
        switch signal {
        case .stage(let stage): stage.rawValue
        case .ready(_, let inFlight): "\(inFlight)"
        case .unhealthy(let failures): "\(failures)"
        case .probed(let outcome): outcome.rawValue
        case .healthy, .restartCountReset, .stopped: ""
        case .crashed(let cause, _), .failed(let cause): cause.id
        case .restarting(let delay, _): "\(delay)"
        case .stopping(let reason): stopReason(reason)
        }
    }

    static func stopReason(_ reason: StopReason) -> String {
        switch reason {
        case .requested: "requested"
        case .manualRestart: "manual_restart"
        case .forced(let cause): "forced:\(cause.id)"
        }
    }
}
