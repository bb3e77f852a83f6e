/// The timers one engine supervisor arms (at most one of each at a time).
package enum EngineTimer: String, Hashable, Sendable, CaseIterable {
    /// The current startup stage's timeout (or the loading deadline).
    case stage
    /// End of the restart backoff.
    case restart
    /// Next health probe.
    case probe
    /// The outstanding probe's reply deadline.
    case probeTimeout = "probe_timeout"
    /// End of the current teardown step's grace period.
    case stopStep = "stop_step"
    /// No heartbeat for too long (only when `InitializeParameters.heartbeatIntervalMs` > 0).
    case heartbeat
}

extension EngineTimer {
    /// The case's position: equality and hashing use it, not the raw string (timer ids are hashed on
    /// every arm, cancel and firing, and `RawRepresentable`'s defaults would hash the string).
    var ordinal: Int {
        switch self {
        case .stage: 0
        case .restart: 1
        case .probe: 2
        case .probeTimeout: 3
        case .stopStep: 4
        case .heartbeat: 5
        }
    }

    package static func == (a: Self, b: Self) -> Bool { a.ordinal == b.ordinal }
    package func hash(into hasher: inout Hasher) { hasher.combine(ordinal) }
}
