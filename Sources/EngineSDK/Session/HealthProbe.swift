/// The state of `health_check` answering: one engine check at a time, requests waiting on it,
/// and a deadline so that each is answered within the SPEC's 500 ms (6.2-MUST-1).
struct HealthProbe: Sendable {
    /// A `checkHealth` action is running on the host.
    var outstanding = false
    var deadlineArmed = false
    /// Requests waiting for the check, in the order read.
    var waiting: [UInt64] = []
}
