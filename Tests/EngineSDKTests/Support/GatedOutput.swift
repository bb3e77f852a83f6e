import Dispatch
import EngineSDK
import Synchronization

/// A fake stdout: while closed, a write blocks (as write(2) on a full pipe nobody reads) and says so
/// on `writerBlocked`; `open()` lets it and every later write through. `producerBlocked` is
/// signalled each time the server makes a producer wait for room.
final class GatedOutput: Sendable {
    private let state = Mutex((open: true, bytes: [UInt8]()))
    private let gate = DispatchSemaphore(value: 0)
    let writerBlocked = DispatchSemaphore(value: 0)
    let producerBlocked = DispatchSemaphore(value: 0)

    var sink: OutputSink {
        OutputSink(write: { [self] bytes in write(bytes) }, producerWillWait: { [self] in producerBlocked.signal() })
    }

    /// Everything written so far.
    var bytes: [UInt8] { state.withLock { $0.bytes } }

    func close() { state.withLock { $0.open = false } }

    func open() {
        state.withLock { $0.open = true }
        gate.signal()
    }

    private func write(_ bytes: [UInt8]) -> Bool {
        if !state.withLock({ $0.open }) {
            writerBlocked.signal()
            gate.wait()
        }
        state.withLock { $0.bytes += bytes }
        return true
    }
}
