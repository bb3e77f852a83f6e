import Core

/// How a parity test turns a scenario's virtual time into real time: every duration of the
/// coordinator configuration (scheduler, startup, health, restart, stop, heartbeat), lsref's timing
/// flags and every step's `atMs` are divided by one factor. Counts, limits and seeds are unchanged.
/// Integer division rounds down; a scenario for real runs keeps its durations multiples of the factor.
enum ScenarioParityScaling {
    /// 10: one virtual second is 100 real milliseconds.
    static let factor: UInt64 = 10

    /// lsref's flags that take milliseconds.
    static let lsrefDurationFlags: Set<String> = ["--startup-delay-ms", "--loading-ms", "--latency-ms", "--step-ms"]

    static func coordinator(_ configuration: CoordinatorConfiguration, factor: UInt64) -> CoordinatorConfiguration {
        var scaled = configuration
        scaled.scheduler.agingStepMs = configuration.scheduler.agingStepMs / factor
        scaled.scheduler.cancelGraceMs = configuration.scheduler.cancelGraceMs / factor
        scaled.scheduler.requestTimeoutMs = configuration.scheduler.requestTimeoutMs.map { $0 / factor }
        scaled.engines = configuration.engines.map { engine($0, factor: factor) }
        return scaled
    }

    static func engine(_ engine: EngineConfiguration, factor: UInt64) -> EngineConfiguration {
        var scaled = engine
        scaled.startup.checkingDependenciesTimeoutMs /= factor
        scaled.startup.installingDependenciesTimeoutMs /= factor
        scaled.startup.spawningProcessTimeoutMs /= factor
        scaled.startup.waitingForHealthTimeoutMs /= factor
        scaled.health.probeIntervalMs /= factor
        scaled.health.probeTimeoutMs /= factor
        scaled.health.loadingDeadlineMs /= factor
        scaled.health.loadingProbeIntervalMs /= factor
        scaled.restart = restart(engine.restart, factor: factor)
        scaled.stop.stopRequestGraceMs /= factor
        scaled.stop.steps = engine.stop.steps.map { StopStep(signal: $0.signal, graceMs: $0.graceMs / factor) }
        scaled.initialize.heartbeatIntervalMs /= UInt32(factor)
        return scaled
    }

    static func restart(_ policy: RestartPolicy, factor: UInt64) -> RestartPolicy {
        var scaled = policy
        switch policy.backoff {
        case .exponential(let initialMs, let multiplier, let capMs):
            scaled.backoff = .exponential(initialMs: initialMs / factor, multiplier: multiplier, capMs: capMs / factor)
        case .geometricSteps(let initialMs, let steps, let maxMs):
            scaled.backoff = .geometricSteps(initialMs: initialMs / factor, steps: steps, maxMs: maxMs / factor)
        }
        scaled.startLimitIntervalMs = policy.startLimitIntervalMs / factor
        scaled.stableResetMs = policy.stableResetMs.map { $0 / factor }
        return scaled
    }

    /// lsref's flags with every millisecond value divided by `factor`.
    static func lsrefArguments(_ arguments: [String], factor: UInt64) -> [String] {
        var scaled = arguments
        for index in scaled.indices.dropLast() where lsrefDurationFlags.contains(scaled[index]) {
            if let value = UInt64(scaled[index + 1]) { scaled[index + 1] = "\(value / factor)" }
        }
        return scaled
    }
}
