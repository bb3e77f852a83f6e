import Dispatch
import Synchronization

/// Feeds a child's stdin from a bounded queue on its own thread. Callers never block; EPIPE and
/// other write errors close the writer and are reported as `.closed`.
final class StdinWriter: Sendable {
    private struct State {
        var chunks: [[UInt8]] = []
        var queuedBytes = 0
        var closing = false
        var closed = false
        var failure: PosixErrno?
    }

    let bytesMax: Int
    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    /// Left when the pipe is closed.
    private let stopped = DispatchGroup()

    init(bytesMax: Int) {
        self.bytesMax = bytesMax
        stopped.enter()
    }

    /// Waits at most `timeoutMs` for the pipe to be closed (by `close`, an error, or the child's exit).
    func waitUntilClosed(timeoutMs: Int) -> Bool {
        stopped.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
    }

    func write(_ bytes: [UInt8]) -> StdinWriteResult {
        let result: StdinWriteResult = state.withLock { state in
            if state.closing || state.closed { return .closed }
            if state.queuedBytes + bytes.count > bytesMax { return .queueFull }
            state.chunks.append(bytes)
            state.queuedBytes += bytes.count
            return .accepted
        }
        if result == .accepted { available.signal() }
        return result
    }

    /// Close the pipe once the queued bytes are written.
    func close() {
        let first = state.withLock { state in
            defer { state.closing = true }
            return !state.closing
        }
        if first { available.signal() }
    }

    /// The error that closed the pipe (EPIPE when the reader went away).
    var failure: PosixErrno? { state.withLock { $0.failure } }

    /// The writer thread's body: `fd` is non-blocking; `cancelFd` readable aborts the wait.
    func run(fd: Int32, cancelFd: Int32) {
        defer {
            PosixPipe.close(fd)
            stopped.leave()
        }
        while let chunk = next() {
            if let failure = deliver(chunk, fd: fd, cancelFd: cancelFd) {
                state.withLock { state in
                    state.closed = true
                    state.failure = failure
                    state.chunks.removeAll()
                    state.queuedBytes = 0
                }
                return
            }
        }
    }

    private func next() -> [UInt8]? {
        while true {
            available.wait()
            let chunk: [UInt8]?? = state.withLock { state in
                if let chunk = state.chunks.first {
                    state.chunks.removeFirst()
                    state.queuedBytes -= chunk.count
                    return .some(chunk)
                }
                guard state.closing else { return .none }
                state.closed = true
                return .some(nil)
            }
            if let chunk { return chunk }
        }
    }

    private func deliver(_ chunk: [UInt8], fd: Int32, cancelFd: Int32) -> PosixErrno? {
        var offset = 0
        while offset < chunk.count {
            let outcome = chunk[offset...].withUnsafeBytes { PosixPipe.write(fd, $0) }
            switch outcome {
            case .bytes(let count):
                offset += count
            case .wouldBlock, .endOfFile:
                guard PosixPipe.waitWritable(fd, cancelFd: cancelFd) else { return .cancelled }
            case .failed(let code):
                return PosixErrno(code: code)
            }
        }
        return nil
    }
}
