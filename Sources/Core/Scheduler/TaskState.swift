import Wire

/// A task's state as clients see it.
package enum TaskState: Hashable, Sendable {
    /// Waiting for dependencies or queued.
    case pending
    /// At least one lane running: the engines, and overall progress in permille.
    case running(engines: [EngineID], progressPermille: UInt32)
    case completed
    case failed(CoreError)
    case cancelled

    package var isFinal: Bool {
        switch self {
        case .pending, .running: false
        case .completed, .failed, .cancelled: true
        }
    }
}

/// One lane (one engine's attempt at a task).
package enum LaneState: Hashable, Sendable {
    /// Dependencies not done yet.
    case waiting
    case queued
    case running(engine: EngineID, request: RequestID, progressPermille: UInt32)
    case completed(engine: EngineID, Transcript)
    case failed(CoreError)
    case cancelled

    package var isFinal: Bool {
        switch self {
        case .waiting, .queued, .running: false
        case .completed, .failed, .cancelled: true
        }
    }
}
