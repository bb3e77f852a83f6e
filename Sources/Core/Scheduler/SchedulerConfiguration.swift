/// Scheduler limits and timings (STYLE rule 10).
package struct SchedulerConfiguration: Hashable, Sendable {
    /// Transcriptions in flight across all engines (including cancelled ones awaiting their reply).
    package var requestsInFlightMax = 64
    /// Sum of running tasks' costs across all engines; nil: unlimited.
    package var costCapacity: UInt32?
    /// Unfinished tasks (waiting, queued or running) at most; a submit beyond it fails `queue_full`.
    package var queueCapacity = 10_000
    /// Waiting this long is worth one priority level (see `DispatchKey` for the starvation bound).
    package var agingStepMs: UInt64 = 10_000
    /// A lane whose engine died under it this many times is quarantined as a poison request.
    package var attemptsMax: UInt32 = 3
    /// Re-queues after "not now" replies (busy, shutting down, cancelled by restart) before the lane
    /// fails with that engine error.
    package var retriesMax: UInt32 = 20
    /// How long a cancelled request may keep its engine slot while waiting for its final reply.
    package var cancelGraceMs: UInt64 = 2_000
    /// Distinct draft segment ids remembered per attempt (to tell a draft from an overwrite); drafts
    /// with new ids beyond it are dropped.
    package var draftSegmentsMax = 10_000
    /// Bytes kept of engine-provided error messages in task errors and events.
    package var engineMessageBytesMax = 512
    /// Default per-request timeout (a task's own `requestTimeoutMs` wins); nil: none.
    package var requestTimeoutMs: UInt64? = 1_800_000
    /// Finished tasks kept for queries, idempotency and replay; the oldest are forgotten beyond it.
    package var finishedTasksRetainedMax = 10_000

    package init() {}
    package static let `default` = SchedulerConfiguration()
}
