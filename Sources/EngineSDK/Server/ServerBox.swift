import Synchronization

/// Lets the control closures reach the server created after the engine.
final class ServerBox: Sendable {
    private let storage = Mutex<SidecarServer?>(nil)
    var value: SidecarServer? { storage.withLock { $0 } }
    func set(_ server: SidecarServer) { storage.withLock { $0 = server } }
}
