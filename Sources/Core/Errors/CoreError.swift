/// An error from the coordinator core: a stable code, a human detail, and (for failures an engine
/// reported) the JSON-RPC error code. Tests assert codes, never details.
package struct CoreError: Error, Hashable, Sendable, CustomStringConvertible {
    package var code: Code
    package var detail: String
    /// The engine's JSON-RPC error code when `code == .engineError`.
    package var engineCode: Int?

    package init(_ code: Code, _ detail: String = "", engineCode: Int? = nil) {
        self.code = code
        self.detail = detail
        self.engineCode = engineCode
    }

    package var description: String { detail.isEmpty ? code.id : "\(code.id): \(detail)" }

    /// An opaque code with a stable string id (used in events, reports and JSON).
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        let storage: Storage

        /// The stable id, e.g. `queue_full`.
        package var id: String { storage.rawValue }
        package var description: String { id }

        enum Storage: String, Sendable {
            case queueFull = "queue_full"
            case unknownEngine = "unknown_engine"
            case unknownTask = "unknown_task"
            case unknownDependency = "unknown_dependency"
            case dependencyFailed = "dependency_failed"
            case costExceedsCapacity = "cost_exceeds_capacity"
            case taskFinished = "task_finished"
            case invalidTask = "invalid_task"
            case engineStateConflict = "engine_state_conflict"
            case deadlineExceeded = "deadline_exceeded"
            case requestTimeout = "request_timeout"
            case quarantined = "quarantined"
            case engineError = "engine_error"
            case engineLost = "engine_lost"
            case cancelled = "cancelled"
            case invalidMessage = "invalid_message"
        }

        package static var queueFull: Self { .init(storage: .queueFull) }
        package static var unknownEngine: Self { .init(storage: .unknownEngine) }
        package static var unknownTask: Self { .init(storage: .unknownTask) }
        package static var unknownDependency: Self { .init(storage: .unknownDependency) }
        /// A dependency failed or was cancelled, so this task cannot run.
        package static var dependencyFailed: Self { .init(storage: .dependencyFailed) }
        package static var costExceedsCapacity: Self { .init(storage: .costExceedsCapacity) }
        package static var taskFinished: Self { .init(storage: .taskFinished) }
        package static var invalidTask: Self { .init(storage: .invalidTask) }
        /// A start/stop/restart/probe command that the engine's current state does not allow.
        package static var engineStateConflict: Self { .init(storage: .engineStateConflict) }
        package static var deadlineExceeded: Self { .init(storage: .deadlineExceeded) }
        package static var requestTimeout: Self { .init(storage: .requestTimeout) }
        /// Poison request: the request failed `attemptsMax` times with its engine dying under it.
        package static var quarantined: Self { .init(storage: .quarantined) }
        /// The engine answered with a JSON-RPC error (see `engineCode`).
        package static var engineError: Self { .init(storage: .engineError) }
        /// The engine went away and the request could not be re-queued (no engine the task may use).
        package static var engineLost: Self { .init(storage: .engineLost) }
        package static var cancelled: Self { .init(storage: .cancelled) }
        /// An engine message that does not fit the protocol (wrong shape, unknown id type, …).
        package static var invalidMessage: Self { .init(storage: .invalidMessage) }
    }
}
