import Wire

/// What a client submits.
package struct TaskSpec: Hashable, Sendable {
    package var transcribe: TranscribeParameters
    package var priority: TaskPriority = .normal
    /// Absolute time (ms) by which the task must finish; it also orders tasks of equal effective
    /// priority (earliest first). Past it, the task fails with `deadline_exceeded`.
    package var deadlineMs: UInt64?
    /// Tasks that must complete first. If one fails or is cancelled, this task fails with
    /// `dependency_failed` (transitively); a dependency that already failed is rejected at submit.
    package var dependencies: [TaskID] = []
    /// Engines to run on: empty = any one engine (the scheduler picks); one = that engine; several =
    /// one attempt ("lane") per engine, e.g. to compare engines. The task completes when every lane has
    /// ended and at least one produced a transcript; it fails when none did.
    package var engines: [EngineID] = []
    /// Resubmitting a task with the same key returns the first task's id (while it is retained).
    package var idempotencyKey: String?
    /// Per-request timeout for each attempt (nil: the scheduler default). On expiry the request is
    /// cancelled and that lane fails with `request_timeout` (no retry).
    package var requestTimeoutMs: UInt64?
    /// Declared resource cost, counted against engine and global capacities while running.
    package var cost: UInt32 = 1

    package init(transcribe: TranscribeParameters) { self.transcribe = transcribe }

    package init(audioPath: String, priority: TaskPriority = .normal, engines: [EngineID] = []) {
        self.transcribe = TranscribeParameters(audioPath: audioPath)
        self.priority = priority
        self.engines = engines
    }
}
