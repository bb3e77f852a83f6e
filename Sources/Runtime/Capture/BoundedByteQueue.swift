import Dispatch
import Synchronization

/// Chunks handed from one thread to another, at most `bytesMax` waiting. A chunk that does not fit is
/// dropped and counted; `push` never blocks.
package final class BoundedByteQueue: Sendable {
    private struct State {
        var chunks: [[UInt8]] = []
        var head = 0
        var queuedBytes = 0
        var queuedBytesHighWater = 0
        var droppedBytes: UInt64 = 0
        var closed = false
    }

    package let bytesMax: Int
    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    package init(bytesMax: Int) {
        precondition(bytesMax > 0, "queue bound must be positive")
        self.bytesMax = bytesMax
    }

    /// False when the chunk was dropped (no room, or closed).
    @discardableResult
    package func push(_ chunk: [UInt8]) -> Bool {
        let accepted = state.withLock { state in
            guard !state.closed, state.queuedBytes + chunk.count <= bytesMax else {
                state.droppedBytes += UInt64(chunk.count)
                return false
            }
            state.chunks.append(chunk)
            state.queuedBytes += chunk.count
            state.queuedBytesHighWater = max(state.queuedBytesHighWater, state.queuedBytes)
            return true
        }
        if accepted { available.signal() }
        return accepted
    }

    /// No more pushes; `pop` returns what is queued, then nil.
    package func close() {
        let wasOpen = state.withLock { state in
            defer { state.closed = true }
            return !state.closed
        }
        if wasOpen { available.signal() }
    }

    /// Blocks for the next chunk; nil once closed and empty.
    package func pop() -> [UInt8]? {
        while true {
            available.wait()
            let chunk: [UInt8]?? = state.withLock { state in
                guard state.head < state.chunks.count else { return state.closed ? .some(nil) : .none }
                let chunk = state.chunks[state.head]
                state.head += 1
                state.queuedBytes -= chunk.count
                if state.head == state.chunks.count {
                    state.chunks.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                return .some(chunk)
            }
            if let chunk { return chunk }
        }
    }

    package var droppedBytes: UInt64 { state.withLock { $0.droppedBytes } }
    package var queuedBytesHighWater: Int { state.withLock { $0.queuedBytesHighWater } }
}
