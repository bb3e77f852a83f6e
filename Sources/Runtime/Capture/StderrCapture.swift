import Synchronization

/// One child's stderr: the reading thread calls `ingest` (never blocks on disk), a writer thread
/// runs `runLogWriter` to move buffered chunks into the rotating log.
final class StderrCapture: Sendable {
    private struct Counters {
        var bytesRead: UInt64 = 0
        var bytesLogged: UInt64 = 0
        var bytesFailed: UInt64 = 0
        var logError: String?
    }

    let policy: StderrCapturePolicy
    private let tail: Mutex<StderrTail>
    private let counters = Mutex(Counters())
    private let queue: BoundedByteQueue
    private let lineHandler: (@Sendable (String) -> Void)?

    init(policy: StderrCapturePolicy, lineHandler: (@Sendable (String) -> Void)?) {
        self.policy = policy
        self.tail = Mutex(StderrTail(linesMax: policy.tailLinesMax, lineBytesMax: policy.lineBytesMax))
        self.queue = BoundedByteQueue(bytesMax: policy.bufferBytesMax)
        self.lineHandler = lineHandler
    }

    /// From the reading thread.
    func ingest(_ chunk: [UInt8]) {
        let lines = tail.withLock { $0.append(chunk) }
        counters.withLock { $0.bytesRead += UInt64(chunk.count) }
        if policy.log != nil { queue.push(chunk) }
        if let lineHandler {
            for line in lines { lineHandler(line) }
        }
    }

    /// No more input; the log writer finishes what is buffered and returns.
    func finish() { queue.close() }

    /// The writer thread's body; returns after `finish` once the buffer is written.
    func runLogWriter() {
        guard let logPolicy = policy.log else {
            while queue.pop() != nil {}
            return
        }
        var file = RotatingLogFile(policy: logPolicy)
        while let chunk = queue.pop() {
            let written = file.write(chunk)
            let failure = file.lastError.map { "\($0.message) (errno \($0.code))" }
            counters.withLock { counters in
                counters.bytesLogged += UInt64(written)
                counters.bytesFailed += UInt64(chunk.count - written)
                if let failure { counters.logError = failure }
            }
        }
    }

    var tailLines: [String] { tail.withLock { $0.snapshot } }

    var statistics: StderrStatistics {
        var result = StderrStatistics()
        let snapshot = counters.withLock { $0 }
        result.bytesRead = snapshot.bytesRead
        result.bytesLogged = snapshot.bytesLogged
        result.bytesDropped = snapshot.bytesFailed + queue.droppedBytes
        result.bufferBytesHighWater = queue.queuedBytesHighWater
        result.logError = snapshot.logError
        return result
    }
}
