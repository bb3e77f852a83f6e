/// Knobs of the real I/O loop that only the reference engine's fault switches use.
package struct SidecarOptions: Sendable, Hashable {
    /// Logger name in stderr lines.
    package var loggerName = "engine"
    /// Sleep this long before reading stdin (lsref `--startup-delay-ms`).
    package var startupDelayMs = 0
    /// Bytes written to stdout before anything else (lsref `--banner`, a protocol violation).
    package var banner: [UInt8] = []
    /// Ignore SIGTERM (lsref `--ignore-sigterm`).
    package var ignoreTerminate = false
    /// Heartbeat period × percent / 100 (lsref `--heartbeat-percent`).
    package var heartbeatIntervalPercent = 100
    /// Upper bound on waiting for the engine's `stop()` at exit.
    package var stopGraceMs = 2_000
    /// The configuration's lowest layer.
    package var configDefaults = EngineConfig.default
    /// Wins over every config layer (lsref `--max-concurrent`).
    package var maxConcurrentRequestsOverride: Int?

    package init() {}
}
