/// Health probing of a running engine. A probe is a `health_check` request; a failure is an error
/// reply, status `error`, no reply within `probeTimeoutMs`, or `loading` that has lasted
/// `loadingDeadlineMs`. `ok` and `degraded` are successes; `loading` before its deadline is neither
/// (the engine only takes no new work). `failuresMax` consecutive failures make the engine unhealthy and
/// it is restarted; after any failure it takes no new work until `successesMin` consecutive successes.
package struct HealthPolicy: Hashable, Sendable {
    package var probeIntervalMs: UInt64 = 30_000
    package var probeTimeoutMs: UInt64 = 5_000
    package var failuresMax: UInt32 = 3
    package var successesMin: UInt32 = 2
    /// How long `loading` may last (from the first `loading` in a row) before it counts as a failure;
    /// during startup it is the loading stage's own deadline.
    package var loadingDeadlineMs: UInt64 = 120_000
    /// Probe interval while the engine reports `loading` during startup.
    package var loadingProbeIntervalMs: UInt64 = 1_000
    /// Heartbeats (when requested in `initialize`) may be missed this many intervals, each allowed
    /// +50 % jitter, before the engine is torn down as `heartbeat_lost`.
    package var heartbeatMissesMax: UInt64 = 3

    /// How long after the last heartbeat (or Ready) the engine is given up on.
    package func heartbeatDeadlineMs(interval: UInt64) -> UInt64 { interval.saturatingMultiply(heartbeatMissesMax).saturatingMultiply(3) / 2 }

    /// Consecutive protocol errors (garbage lines) that count as a fatal failure.
    package var protocolErrorsMax: UInt32 = 10

    package init() {}
    package static let `default` = HealthPolicy()
}
