/// The scheduler's record of one task.
package struct SchedulerTask: Hashable, Sendable {
    package let id: TaskID
    package let spec: TaskSpec
    package let submittedAtMs: UInt64
    package internal(set) var lanes: [Lane]
    /// Dependencies not yet completed.
    package internal(set) var unresolvedDependencies: Int
    /// Tasks waiting on this one, in submission order.
    package internal(set) var dependents: [TaskID] = []
    /// Set once, when the task ends.
    package internal(set) var outcome: TaskState?
    /// The last `progress.overall` emitted.
    package internal(set) var progressEmittedPermille: UInt32 = 0

    package var state: TaskState {
        if let outcome { return outcome }
        var engines: [EngineID] = []
        for lane in lanes { if case .running(let engine, _, _) = lane.state { engines.append(engine) } }
        return engines.isEmpty ? .pending : .running(engines: engines, progressPermille: progressPermille)
    }

    /// Mean lane progress: ended lanes count as 1000.
    package var progressPermille: UInt32 {
        var sum: UInt64 = 0
        for lane in lanes {
            switch lane.state {
            case .waiting, .queued: break
            case .running(_, _, let permille): sum += UInt64(permille)
            case .completed, .failed, .cancelled: sum += 1_000
            }
        }
        return UInt32(sum / UInt64(max(1, lanes.count)))
    }
}

/// One engine's attempt at a task (a single-engine or any-engine task has exactly one lane).
package struct Lane: Hashable, Sendable {
    /// nil: any engine.
    package let engine: EngineID?
    package internal(set) var state: LaneState
    /// Times an engine died (or was torn down) under this lane; `attemptsMax` quarantines it.
    package internal(set) var attemptsFailed: UInt32 = 0
    /// Why each failed attempt failed (bounded by `attemptsMax`).
    package internal(set) var failureReasons: [String] = []
    /// "Not now" replies so far (bounded by `retriesMax`).
    package internal(set) var retries: UInt32 = 0
    /// Times it was sent to an engine.
    package internal(set) var dispatches: UInt32 = 0
    /// When it was first queued (kept across re-queues, so waiting keeps counting for aging).
    package internal(set) var queuedAtMs: UInt64?
    /// Bumped whenever the lane leaves the queue, invalidating its heap entry.
    var queueVersion: UInt32 = 0
    /// Draft segment ids seen in the current attempt (a repeat is an overwrite).
    var draftSegments: Set<Int> = []

    init(engine: EngineID?, state: LaneState) {
        self.engine = engine
        self.state = state
    }
}
