/// What the session machine needs to know about its engine and its limits.
package struct SessionConfiguration: Sendable, Hashable {
    package var descriptor: EngineDescriptor
    /// `capabilities.maxConcurrentRequests` (≥ 1).
    package var maxConcurrentRequests: Int
    /// The engine's receive limit, `result.limits.maxMessageBytes` (≥ 65_536).
    package var maxMessageBytes: Int
    /// How long a `health_check` waits for the engine's hook before it is answered `degraded`.
    package var healthTimeoutMs: Int = 400
    /// Health requests waiting at once; more are answered at once from the last known status.
    package var healthWaitersMax: Int = 64
    /// `restart` requests waiting for one reload; more get -32603.
    package var restartWaitersMax: Int = 64
    /// Batches whose replies are not complete yet; beyond this a batch's requests get -32603.
    package var pendingBatchesMax: Int = 64
    /// Fault injection for lsref's `--heartbeat-percent`: heartbeats every interval × percent / 100.
    package var heartbeatIntervalPercent: Int = 100

    package init(descriptor: EngineDescriptor, maxConcurrentRequests: Int, maxMessageBytes: Int) {
        precondition(maxConcurrentRequests >= 1, "maxConcurrentRequests must be at least 1")
        precondition(maxMessageBytes >= 65_536, "maxMessageBytes must be at least 65536")
        self.descriptor = descriptor
        self.maxConcurrentRequests = maxConcurrentRequests
        self.maxMessageBytes = maxMessageBytes
    }

    /// The protocol versions this SDK speaks.
    package static let supportedVersions = ["1.0"]
    /// The default and pre-handshake line limit (SPEC 2.3).
    package static let defaultMessageBytes = 8_388_608
}
