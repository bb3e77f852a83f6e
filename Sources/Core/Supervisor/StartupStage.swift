/// The typed startup stages, in order. Stages with nothing to do are skipped (an engine without
/// declared dependencies goes straight to `spawningProcess`).
package enum StartupStage: String, Hashable, Sendable, CaseIterable, Comparable {
    case checkingDependencies = "checking_dependencies"
    case installingDependencies = "installing_dependencies"
    case spawningProcess = "spawning_process"
    /// `initialize` handshake, then health probes until the first `ok`/`degraded`.
    case waitingForHealth = "waiting_for_health"
    /// The engine reported `loading`; bounded by `HealthPolicy.loadingDeadlineMs` instead of a stage timeout.
    case loading = "loading"

    package static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// Per-stage timeouts (STYLE rule 10).
package struct StartupPolicy: Hashable, Sendable {
    package var checkingDependenciesTimeoutMs: UInt64 = 30_000
    package var installingDependenciesTimeoutMs: UInt64 = 600_000
    package var spawningProcessTimeoutMs: UInt64 = 10_000
    package var waitingForHealthTimeoutMs: UInt64 = 30_000

    package init() {}
    package static let `default` = StartupPolicy()

    /// The timeout of a stage (`loading` uses the health policy's loading deadline instead).
    package func timeoutMs(_ stage: StartupStage, health: HealthPolicy) -> UInt64 {
        switch stage {
        case .checkingDependencies: checkingDependenciesTimeoutMs
        case .installingDependencies: installingDependenciesTimeoutMs
        case .spawningProcess: spawningProcessTimeoutMs
        case .waitingForHealth: waitingForHealthTimeoutMs
        case .loading: health.loadingDeadlineMs
        }
    }
}
