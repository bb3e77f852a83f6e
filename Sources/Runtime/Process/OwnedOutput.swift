import Dispatch
import Synchronization

/// A child's stdout pipe read by its owner's own thread (`ProcessConfiguration.standardOutputReader
/// == .owner`), e.g. the driver's poll loop, instead of by a thread of the child.
///
/// The owner polls `descriptor` and `cancelDescriptor` for input and, on one thread:
/// - calls `read(into:)` when `descriptor` is readable, until it returns `.ended` (end of file);
/// - when `cancelDescriptor` becomes readable (a grandchild outside the group still holds the pipe
///   after the child was reaped and `outputDrainGraceMs` passed), stops reading;
/// - then stops polling both descriptors and calls `close()`.
/// The child's exit is reported only after `close()`, so every byte read came before it.
package final class OwnedOutput: Sendable {
    package enum ReadResult: Sendable, Equatable {
        case bytes(Int)
        /// Nothing to read now: poll again.
        case wouldBlock
        /// End of file or a read error: call `close()`.
        case ended
    }

    /// The pipe's read end (non-blocking).
    package let descriptor: Int32
    /// Readable once reading must be abandoned; never read it, and stop polling it at `close()`.
    package let cancelDescriptor: Int32
    private let open = Mutex(true)
    /// Entered for this pipe; left at `close()`, which lets the reaper report the exit.
    private let io: DispatchGroup

    init(descriptor: Int32, cancelDescriptor: Int32, io: DispatchGroup) {
        self.descriptor = descriptor
        self.cancelDescriptor = cancelDescriptor
        self.io = io
        io.enter()
    }

    /// Reads what is there now (at most `buffer.count` bytes); `.ended` after `close()`.
    package func read(into buffer: UnsafeMutableRawBufferPointer) -> ReadResult {
        guard open.withLock({ $0 }) else { return .ended }
        switch PosixPipe.read(descriptor, into: buffer) {
        case .bytes(let count): return .bytes(count)
        case .wouldBlock: return .wouldBlock
        case .endOfFile, .failed: return .ended
        }
    }

    /// Closes the pipe (once; later calls do nothing).
    package func close() {
        let first = open.withLock { open in
            defer { open = false }
            return open
        }
        guard first else { return }
        PosixPipe.close(descriptor)
        io.leave()
    }

    package var isOpen: Bool { open.withLock { $0 } }
}
