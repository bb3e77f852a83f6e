import Wire

/// What an event says. `name` is the stable wire name (`subtitle.draft`, `signal.engine.crashed`, …).
package enum EventKind: Hashable, Sendable {
    case taskQueued
    case taskStarted(engine: EngineID, request: RequestID, dispatch: UInt32)
    /// A draft segment seen for the first time in this attempt.
    case subtitleDraft(engine: EngineID, seq: UInt64, Segment)
    /// A later draft with an already-seen segment id replaces the earlier one.
    case subtitleOverwrite(engine: EngineID, seq: UInt64, Segment)
    case progressOverall(permille: UInt32)
    /// One lane's final transcript (a multi-engine task gets one per engine).
    case engineResult(engine: EngineID, Transcript)
    /// One lane failed for good (the task may still complete on other engines).
    case engineAttemptFailed(engine: EngineID?, CoreError)
    /// The engine died under the request; it is queued again.
    case taskRequeued(engine: EngineID, attemptsFailed: UInt32, reason: String)
    case taskQuarantined(engine: EngineID?, reasons: [String])
    case engine(EngineID, EngineSignal)
    case taskCompleted
    case taskFailed(CoreError)
    case taskCancelled
    /// Replay only: events up to and including `evictedThrough` were dropped from the bounded history.
    case historyTruncated(evictedThrough: EventID)

    package var name: String {
        switch self {
        case .taskQueued: "task.queued"
        case .taskStarted: "task.started"
        case .subtitleDraft: "subtitle.draft"
        case .subtitleOverwrite: "subtitle.overwrite"
        case .progressOverall: "progress.overall"
        case .engineResult: "task.engine_result"
        case .engineAttemptFailed: "task.engine_failed"
        case .taskRequeued: "signal.task.requeued"
        case .taskQuarantined: "signal.task.quarantined"
        case .engine(_, let signal): signal.name
        case .taskCompleted: "task.completed"
        case .taskFailed: "task.failed"
        case .taskCancelled: "task.cancelled"
        case .historyTruncated: "history.truncated"
        }
    }

    /// A job's last event: nothing follows it in that job's log.
    package var isFinal: Bool {
        switch self {
        case .taskCompleted, .taskFailed, .taskCancelled: true
        default: false
        }
    }

    /// Default delivery priority: signals and final events high, drafts normal, progress low.
    package var priority: EventPriority {
        switch self {
        case .progressOverall, .taskQueued: .low
        case .subtitleDraft, .subtitleOverwrite, .taskStarted, .engineResult: .normal
        default: .high
        }
    }
}

/// How urgently subscribers should get an event (a slow subscriber may drop `low` ones first).
package enum EventPriority: Int, Hashable, Sendable, Comparable {
    case low = 0
    case normal = 1
    case high = 2

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}
