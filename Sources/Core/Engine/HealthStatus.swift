/// A `health_check` result's status.
package enum HealthStatus: String, Hashable, Sendable {
    case ok
    case loading
    case degraded
    case error
}
