/// The methods of SPEC section 6.
enum SessionMethod: String, Sendable, CaseIterable {
    case initialize
    case transcribe
    case healthCheck = "health_check"
    case getStatus = "get_status"
    case getMetrics = "get_metrics"
    case restart
    case stop

    /// Allowed before a successful `initialize` (SPEC 5.4-MUST-1).
    var isAllowedBeforeInitialize: Bool { self == .initialize || self == .stop }
}
