import Dispatch
import Synchronization

/// Feeds a child's stdin. When nothing is queued the caller writes inline on the non-blocking pipe
/// (no thread hop); whatever does not fit goes to a bounded queue that a writer thread drains.
/// Callers never block; EPIPE and other write errors close the writer and are reported as `.closed`.
/// A `busy` token (not the lock) serializes writers, so no lock is held across a `write`.
final class StdinWriter: Sendable {
    private struct State {
        var chunks: [ArraySlice<UInt8>] = []
        var queuedBytes = 0
        var busy = false
        var closing = false
        var closed = false
        var failure: PosixErrno?
    }

    private enum Step {
        case wait
        case write(ArraySlice<UInt8>)
        case exit
    }

    private enum Plan {
        case refuse(StdinWriteResult)
        case queued
        case inline
    }

    let fd: Int32
    let bytesMax: Int
    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)
    /// Left when the pipe is closed.
    private let stopped = DispatchGroup()

    /// `fd` must be non-blocking; the writer thread closes it.
    init(fd: Int32, bytesMax: Int) {
        self.fd = fd
        self.bytesMax = bytesMax
        stopped.enter()
    }

    func write(_ bytes: [UInt8]) -> StdinWriteResult {
        let plan: Plan = state.withLock { state in
            if state.closing || state.closed || state.failure != nil { return .refuse(.closed) }
            if state.busy || !state.chunks.isEmpty {
                if state.queuedBytes + bytes.count > bytesMax { return .refuse(.queueFull) }
                state.chunks.append(bytes[...])
                state.queuedBytes += bytes.count
                return .queued
            }
            state.busy = true
            return .inline
        }
        switch plan {
        case .refuse(let result):
            return result
        case .queued:
            available.signal()
            return .accepted
        case .inline:
            let (written, failure) = writeWithoutWaiting(bytes[...])
            let writerHasWork = state.withLock { state in
                state.busy = false
                if let failure {
                    state.failure = failure
                } else if written < bytes.count {
                    state.chunks.insert(bytes[written...], at: 0)
                    state.queuedBytes += bytes.count - written
                }
                return state.failure != nil || state.closing || !state.chunks.isEmpty
            }
            // Wake the writer thread only when it has something to do (it may also have seen `busy`
            // and be waiting for this): an idle wake-up per request would take a core from the engine.
            if writerHasWork { available.signal() }
            return failure == nil ? .accepted : .closed
        }
    }

    /// Close the pipe once the queued bytes are written.
    func close() {
        state.withLock { $0.closing = true }
        available.signal()
    }

    /// The error that closed the pipe (EPIPE when the reader went away).
    var failure: PosixErrno? { state.withLock { $0.failure } }

    /// Waits at most `timeoutMs` for the pipe to be closed (by `close`, an error, or the child's exit).
    func waitUntilClosed(timeoutMs: Int) -> Bool {
        stopped.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success
    }

    /// The writer thread's body; `cancelFd` readable aborts a wait for room in the pipe.
    func run(cancelFd: Int32) {
        defer {
            PosixPipe.close(fd)
            stopped.leave()
        }
        while true {
            switch state.withLock({ Self.nextStep(&$0) }) {
            case .wait:
                available.wait()
            case .write(let chunk):
                let failure = deliver(chunk, cancelFd: cancelFd)
                state.withLock { state in
                    state.busy = false
                    state.failure = state.failure ?? failure
                }
            case .exit:
                return
            }
        }
    }

    private static func nextStep(_ state: inout State) -> Step {
        if state.busy { return .wait }  // a caller is writing inline and signals when done
        if state.failure != nil || (state.closing && state.chunks.isEmpty) {
            state.closed = true
            state.chunks.removeAll()
            state.queuedBytes = 0
            return .exit
        }
        guard !state.chunks.isEmpty else { return .wait }
        let chunk = state.chunks.removeFirst()
        state.queuedBytes -= chunk.count
        state.busy = true
        return .write(chunk)
    }

    /// Writes what the pipe takes now; returns the count and a failure (not EAGAIN).
    private func writeWithoutWaiting(_ bytes: ArraySlice<UInt8>) -> (Int, PosixErrno?) {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            switch bytes[offset...].withUnsafeBytes({ PosixPipe.write(fd, $0) }) {
            case .bytes(let count): offset += count
            case .wouldBlock, .endOfFile: return (offset - bytes.startIndex, nil)
            case .failed(let code): return (offset - bytes.startIndex, PosixErrno(code: code))
            }
        }
        return (bytes.count, nil)
    }

    private func deliver(_ chunk: ArraySlice<UInt8>, cancelFd: Int32) -> PosixErrno? {
        var rest = chunk
        while !rest.isEmpty {
            let (written, failure) = writeWithoutWaiting(rest)
            if let failure { return failure }
            rest = rest.dropFirst(written)
            if !rest.isEmpty, !PosixPipe.waitWritable(fd, cancelFd: cancelFd) { return .cancelled }
        }
        return nil
    }
}
