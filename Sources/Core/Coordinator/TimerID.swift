/// Every timer the coordinator arms. Arming an id that is already armed moves it; a firing for an id
/// that is not armed (cancelled, or already fired) is ignored, so drivers need not race cancellations.
package enum TimerID: Hashable, Sendable, CustomStringConvertible {
    case engine(EngineID, EngineTimer)
    /// A transcription's per-request timeout.
    case requestTimeout(RequestID)
    /// A cancelled request's slot is released if no final reply came by then.
    case cancelGrace(RequestID)
    case taskDeadline(TaskID)

    package var description: String {
        switch self {
        case .engine(let engine, let timer): "engine.\(engine).\(timer.rawValue)"
        case .requestTimeout(let request): "request_timeout.\(request.value)"
        case .cancelGrace(let request): "cancel_grace.\(request.value)"
        case .taskDeadline(let task): "task_deadline.\(task.value)"
        }
    }
}
