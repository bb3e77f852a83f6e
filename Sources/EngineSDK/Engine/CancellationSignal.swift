import Synchronization

/// Fires once when the coordinator cancels a request (or a restart, stop or end of input ends it).
/// Poll `isCancelled` between chunks of work; keep chunks short (SPEC 9.4: 2 s).
public final class CancellationSignal: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    /// Whether the request has been cancelled.
    public var isCancelled: Bool { flag.load(ordering: .acquiring) }

    /// Marks the request cancelled (the SDK calls this; engines normally only read it).
    public func cancel() { flag.store(true, ordering: .releasing) }
}
