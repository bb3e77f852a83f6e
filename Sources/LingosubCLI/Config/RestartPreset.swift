import Core

/// `policies.restart`: which of the core's named restart policies engines start from; the
/// `policies.restart…` numbers override parts of it.
package enum RestartPreset: String, Sendable, CaseIterable {
    /// Backoff 1-2-4-8-16 s, at most 5 restarts, then Failed.
    case seedDefault = "default"
    /// CrashLoopBackOff: 10 s doubling to 300 s, unlimited.
    case kubernetes
    /// systemd's defaults: 100 ms, at most 5 starts in 10 s.
    case systemd

    package var policy: RestartPolicy {
        switch self {
        case .seedDefault: .seedDefault
        case .kubernetes: .kubernetesCrashLoop
        case .systemd: .systemdDefault
        }
    }
}
