/// How a probe the client asked for (`ClientCommand.probeEngine`) ended, reported as
/// `signal.engine.probed` with `outcome`: the `health_check` status, or `timeout` when no reply came
/// before the probe timeout (or before the next periodic probe was due).
package enum ProbeOutcome: String, Hashable, Sendable {
    case ok
    case degraded
    case loading
    case error
    case timeout

    init(_ status: HealthStatus) {
        switch status {
        case .ok: self = .ok
        case .degraded: self = .degraded
        case .loading: self = .loading
        case .error: self = .error
        }
    }
}
