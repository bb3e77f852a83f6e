/// When the next heartbeat is due and how it is numbered.
struct HeartbeatSchedule: Sendable, Hashable {
    let intervalMs: Int
    var sequence = 0
}
