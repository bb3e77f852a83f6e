import Foundation

/// Starts a named background thread; I/O threads get a small stack.
enum WorkerThread {
    static let stackBytesDefault = 256 * 1024

    static func start(_ name: String, stackBytes: Int = stackBytesDefault, _ body: @escaping @Sendable () -> Void) {
        let thread = Thread(block: body)
        thread.name = name
        thread.stackSize = stackBytes
        thread.start()
    }
}
