import Core
import Wire

/// Reads the coordinator's policies from a scenario: restart presets (`seedDefault`, `kubernetes`,
/// `systemd`) with overrides, health, startup and stop.
package enum PolicyDecoding {
    /// A preset name, or `{"preset": …, overrides…}`.
    static func restart(_ value: JSONValue, path: String) throws(ScenarioError) -> RestartPolicy {
        if case .string(let name) = value { return try preset(name, path: path) }
        var reader = try StrictReader(value, path: path)
        let name = try reader.string("preset") ?? "seedDefault"
        var policy: RestartPolicy
        if name == "systemd" {
            policy = RestartPolicy.systemd(
                restartMs: try reader.unsigned("restartMs") ?? 100,
                restartSteps: UInt32(try reader.unsigned("restartSteps", max: 10_000) ?? 0),
                restartMaxDelayMs: try reader.unsigned("restartMaxDelayMs") ?? 0,
                startLimitBurst: UInt32(try reader.unsigned("startLimitBurst", max: 10_000) ?? 5),
                startLimitIntervalMs: try reader.unsigned("startLimitIntervalMs") ?? 10_000)
        } else {
            policy = try preset(name, path: reader.path("preset"))
        }
        if let backoff = try reader.object("backoff") {
            var backoff = backoff
            policy.backoff = .exponential(
                initialMs: try backoff.unsigned("initialMs") ?? 1_000, multiplier: try backoff.unsigned("multiplier") ?? 2,
                capMs: try backoff.unsigned("capMs") ?? 16_000)
            try backoff.finish()
        }
        if reader.has("restartsMax") { policy.restartsMax = try reader.unsigned("restartsMax", max: 1_000_000).map { UInt32($0) } }
        if reader.has("stableResetMs") { policy.stableResetMs = try reader.unsigned("stableResetMs") }
        policy.jitterPermille = UInt32(try reader.unsigned("jitterPermille", max: 1_000) ?? UInt64(policy.jitterPermille))
        policy.restartsOnCleanExit = try reader.bool("restartsOnCleanExit") ?? policy.restartsOnCleanExit
        policy.restartsOnHandshakeFailure = try reader.bool("restartsOnHandshakeFailure") ?? policy.restartsOnHandshakeFailure
        try reader.finish()
        return policy
    }

    private static func preset(_ name: String, path: String) throws(ScenarioError) -> RestartPolicy {
        switch name {
        case "seedDefault": return .seedDefault
        case "kubernetes": return .kubernetesCrashLoop
        case "systemd": return .systemdDefault
        default: throw ScenarioError(.invalidValue, path: path, "'\(name)' is not seedDefault, kubernetes or systemd")
        }
    }

    static func health(_ reader: StrictReader) throws(ScenarioError) -> HealthPolicy {
        var reader = reader
        var policy = HealthPolicy.default
        policy.probeIntervalMs = try reader.unsigned("probeIntervalMs") ?? policy.probeIntervalMs
        policy.probeTimeoutMs = try reader.unsigned("probeTimeoutMs") ?? policy.probeTimeoutMs
        policy.failuresMax = UInt32(try reader.unsigned("failuresMax", max: 1_000) ?? UInt64(policy.failuresMax))
        policy.successesMin = UInt32(try reader.unsigned("successesMin", max: 1_000) ?? UInt64(policy.successesMin))
        policy.loadingDeadlineMs = try reader.unsigned("loadingDeadlineMs") ?? policy.loadingDeadlineMs
        policy.loadingProbeIntervalMs = try reader.unsigned("loadingProbeIntervalMs") ?? policy.loadingProbeIntervalMs
        policy.protocolErrorsMax = UInt32(try reader.unsigned("protocolErrorsMax", max: 1_000_000) ?? UInt64(policy.protocolErrorsMax))
        try reader.finish()
        return policy
    }

    static func startup(_ reader: StrictReader) throws(ScenarioError) -> StartupPolicy {
        var reader = reader
        var policy = StartupPolicy.default
        policy.checkingDependenciesTimeoutMs = try reader.unsigned("checkingDependenciesTimeoutMs") ?? policy.checkingDependenciesTimeoutMs
        policy.installingDependenciesTimeoutMs = try reader.unsigned("installingDependenciesTimeoutMs") ?? policy.installingDependenciesTimeoutMs
        policy.spawningProcessTimeoutMs = try reader.unsigned("spawningProcessTimeoutMs") ?? policy.spawningProcessTimeoutMs
        policy.waitingForHealthTimeoutMs = try reader.unsigned("waitingForHealthTimeoutMs") ?? policy.waitingForHealthTimeoutMs
        try reader.finish()
        return policy
    }

    static func stop(_ reader: StrictReader) throws(ScenarioError) -> StopSequence {
        var reader = reader
        var sequence = StopSequence.seedDefault
        sequence.stopRequestGraceMs = try reader.unsigned("stopRequestGraceMs") ?? sequence.stopRequestGraceMs
        let steps = try reader.array("steps")
        if reader.has("steps") {
            sequence.steps = []
            for (step, stepPath) in steps {
                var stepReader = try StrictReader(step, path: stepPath)
                let signal = try stepReader.choice("signal", [
                    ("SIGTERM", ProcessSignal.terminate), ("SIGINT", .interrupt), ("SIGKILL", .kill),
                ]) ?? .terminate
                sequence.steps.append(StopStep(signal: signal, graceMs: try stepReader.unsigned("graceMs") ?? 5_000))
                try stepReader.finish()
            }
        }
        try reader.finish()
        return sequence
    }

    static func scheduler(_ reader: StrictReader) throws(ScenarioError) -> SchedulerConfiguration {
        var reader = reader
        var configuration = SchedulerConfiguration.default
        configuration.requestsInFlightMax = Int(try reader.unsigned("requestsInFlightMax", max: 1 << 20) ?? UInt64(configuration.requestsInFlightMax))
        configuration.costCapacity = try reader.unsigned("costCapacity", max: UInt64(UInt32.max)).map { UInt32($0) }
        configuration.queueCapacity = Int(try reader.unsigned("queueCapacity", max: 1 << 24) ?? UInt64(configuration.queueCapacity))
        configuration.agingStepMs = try reader.unsigned("agingStepMs") ?? configuration.agingStepMs
        configuration.attemptsMax = UInt32(try reader.unsigned("attemptsMax", max: 1_000) ?? UInt64(configuration.attemptsMax))
        configuration.cancelGraceMs = try reader.unsigned("cancelGraceMs") ?? configuration.cancelGraceMs
        configuration.requestTimeoutMs = try reader.unsigned("requestTimeoutMs")
        configuration.finishedTasksRetainedMax = Int(try reader.unsigned("finishedTasksRetainedMax", max: 1 << 24) ?? UInt64(configuration.finishedTasksRetainedMax))
        try reader.finish()
        return configuration
    }
}
