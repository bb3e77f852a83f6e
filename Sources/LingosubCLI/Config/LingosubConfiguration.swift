import Core

/// Everything `lingosub transcribe` and `engines check` can be configured with, seeded with defaults
/// (STYLE rule 10). Layers: defaults < `lingosub.json` < `LINGOSUB_*` variables < command-line flags.
package struct LingosubConfiguration: Sendable, Equatable {
    /// Engines from the config file (`--engine` flags replace them all).
    package var engines: [EngineEntry] = []

    // policies
    package var restartPreset = RestartPreset.seedDefault
    /// Exponential backoff (doubling) from this delay; nil: the preset's backoff.
    package var restartBackoffInitialMs: UInt64?
    package var restartBackoffCapMs: UInt64?
    /// Automatic restarts before Failed; nil: the preset's.
    package var restartsMax: UInt64?
    package var healthProbeIntervalMs: UInt64 = 30_000
    package var healthProbeTimeoutMs: UInt64 = 5_000
    /// Probe interval while an engine reports `loading` at startup (the core's default is 1 s; a CLI
    /// run is short, so it asks sooner).
    package var loadingProbeIntervalMs: UInt64 = 100
    package var startupTimeoutMs: UInt64 = 30_000
    package var stopGraceMs: UInt64 = 5_000

    // limits
    /// Per-request timeout; 0: none.
    package var requestTimeoutMs: UInt64 = 0
    package var requestsInFlightMax: UInt64 = 1
    package var attemptsMax: UInt64 = 3
    package var queueCapacity: UInt64 = 10_000

    // logging
    /// nil: human output; a level turns on JSON logs on stderr.
    package var logLevel: LogLevel?
    /// Per-engine stderr logs (`<engine>.log`, rotated); nil: none.
    package var logDirectory: String?

    package init() {}

    package static let `default` = LingosubConfiguration()

    /// The core's view of one engine under these policies.
    func engineConfiguration(_ entry: EngineEntry) -> EngineConfiguration {
        var engine = EngineConfiguration(
            id: EngineID(entry.name),
            spawn: SpawnSpec(
                executable: entry.command[0], arguments: Array(entry.command.dropFirst()),
                environment: entry.environment, workingDirectory: entry.workingDirectory))
        engine.restart = restartPreset.policy
        if restartBackoffInitialMs != nil || restartBackoffCapMs != nil {
            let initialMs = restartBackoffInitialMs ?? 1_000
            engine.restart.backoff = .exponential(
                initialMs: initialMs, multiplier: 2, capMs: max(restartBackoffCapMs ?? 16_000, initialMs))
        }
        if let restartsMax { engine.restart.restartsMax = UInt32(clamping: restartsMax) }
        engine.health.probeIntervalMs = healthProbeIntervalMs
        engine.health.probeTimeoutMs = healthProbeTimeoutMs
        engine.health.loadingProbeIntervalMs = loadingProbeIntervalMs
        engine.startup.waitingForHealthTimeoutMs = startupTimeoutMs
        engine.stop.stopRequestGraceMs = stopGraceMs
        engine.stop.steps = [StopStep(signal: .terminate, graceMs: stopGraceMs)]
        engine.requestsInFlightMax = Int(clamping: requestsInFlightMax)
        return engine
    }

    /// The coordinator's configuration for `engines`.
    func coordinatorConfiguration(_ engines: [EngineEntry]) -> CoordinatorConfiguration {
        var coordinator = CoordinatorConfiguration(engines: engines.map(engineConfiguration))
        coordinator.scheduler.attemptsMax = UInt32(clamping: attemptsMax)
        coordinator.scheduler.queueCapacity = Int(clamping: queueCapacity)
        coordinator.scheduler.requestTimeoutMs = requestTimeoutMs == 0 ? nil : requestTimeoutMs
        return coordinator
    }
}
