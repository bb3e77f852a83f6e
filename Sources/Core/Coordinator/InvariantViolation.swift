/// A broken invariant found by `checkInvariants()`: a stable id and a detail naming the culprit.
package struct InvariantViolation: Hashable, Sendable, CustomStringConvertible {
    /// e.g. `task_lost`, `lane_running_twice`, `in_flight_over_limit`.
    package var id: String
    package var detail: String

    package init(_ id: String, _ detail: String) {
        self.id = id
        self.detail = detail
    }

    package var description: String { "\(id): \(detail)" }
}
