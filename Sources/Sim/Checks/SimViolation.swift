/// A broken invariant or expectation found during a run, at a virtual time.
package struct SimViolation: Hashable, Sendable, CustomStringConvertible {
    /// Stable id: a Core invariant id (`task_lost`, …) or a simulator one (`event_after_final`,
    /// `replay_gap`, `lane_running_twice_on_engines`, `restart_count_over_policy`, `process_leaked`,
    /// `task_lost_by_sim`, `liveness`), or `expectation` for a broken expectation.
    package var id: String
    package var detail: String
    package var atMs: UInt64

    package init(_ id: String, _ detail: String, atMs: UInt64) {
        self.id = id
        self.detail = detail
        self.atMs = atMs
    }

    package var description: String { "[\(atMs) ms] \(id): \(detail)" }
}
