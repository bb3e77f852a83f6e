import Wire

/// A batch whose response array is not written yet (SPEC 4.2-MUST-2).
struct PendingBatch: Sendable {
    var slots: [RPCResponse?]
    /// Still dispatching its elements.
    var open = true
}
