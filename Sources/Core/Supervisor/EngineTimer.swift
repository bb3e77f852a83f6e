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
