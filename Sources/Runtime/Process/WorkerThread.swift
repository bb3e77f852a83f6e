import Foundation

/// Starts a named background thread with a small stack.
enum WorkerThread {
    static let stackBytes = 256 * 1024

    static func start(_ name: String, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = stackBytes
        thread.start()
    }
}
