import Foundation
import Runtime
import Synchronization

/// Reads a child's `OwnedOutput` the way the driver does: a `DriverLoop` on a thread of its own polls
/// the pipe and its cancel descriptor, and closes the pipe at end of file or on cancel. What it reads
/// goes to an `OutputCollector`.
final class OwnedOutputReader: Sendable {
    let collector = OutputCollector()
    /// Whether reading ended by the cancel descriptor (not end of file).
    let cancelled = Mutex(false)

    init(_ output: OwnedOutput, chunkBytes: Int = 4_096) {
        Thread.detachNewThread { [self] in
            Self.run(output, chunkBytes: chunkBytes, deliver: collector.handlers.standardOutput) {
                cancelled.withLock { $0 = true }
            }
        }
    }

    private static func run(
        _ output: OwnedOutput, chunkBytes: Int, deliver: @Sendable ([UInt8]) -> Void, onCancel: () -> Void
    ) {
        let loop = DriverLoop(clock: MonotonicClock())
        loop.watch(output.descriptor)
        loop.watch(output.cancelDescriptor)
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        reading: while true {
            guard case .readable(let fd) = loop.next().item else { continue }
            if fd == output.cancelDescriptor {
                onCancel()
                break reading
            }
            switch buffer.withUnsafeMutableBytes({ output.read(into: $0) }) {
            case .bytes(let count): deliver(Array(buffer[0..<count]))
            case .wouldBlock: continue
            case .ended: break reading
            }
        }
        loop.unwatch(output.descriptor)
        loop.unwatch(output.cancelDescriptor)
        output.close()
    }
}
