import Glibc

/// Pipe and file-descriptor calls. Every descriptor this module creates is close-on-exec, so a
/// concurrent spawn elsewhere in the process never inherits it.
enum PosixPipe {
    /// Outcome of one `read` or `write` on a descriptor.
    enum Transfer: Equatable {
        case bytes(Int)
        case endOfFile
        case wouldBlock
        case failed(errno: Int32)
    }

    /// A new pipe with both ends close-on-exec, as `(read, write)`.
    static func make() -> Result<(read: Int32, write: Int32), PosixErrno> {
        var fds: [Int32] = [-1, -1]
        if let pipe2 = PosixSymbols.shared.pipe2 {
            guard pipe2(&fds, O_CLOEXEC) == 0 else { return .failure(.current) }
            return .success((fds[0], fds[1]))
        }
        // Fallback without pipe2: spawns in this module are serialized by `PosixSpawn.lock`.
        return PosixSpawn.lock.withLock { _ in
            guard pipe(&fds) == 0 else { return .failure(.current) }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            return .success((fds[0], fds[1]))
        }
    }

    static func setNonBlocking(_ fd: Int32) {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
    }

    static func close(_ fd: Int32) {
        guard fd >= 0 else { return }
        _ = Glibc.close(fd)  // Linux always releases the descriptor, even on EINTR.
    }

    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> Transfer {
        while true {
            let count = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if count > 0 { return .bytes(count) }
            if count == 0 { return .endOfFile }
            switch errno {
            case EINTR: continue
            case EAGAIN: return .wouldBlock
            case let code: return .failed(errno: code)
            }
        }
    }

    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Transfer {
        while true {
            let count = Glibc.write(fd, bytes.baseAddress, bytes.count)
            if count >= 0 { return .bytes(count) }
            switch errno {
            case EINTR: continue
            case EAGAIN: return .wouldBlock
            case let code: return .failed(errno: code)
            }
        }
    }

    /// Blocks until `fd` can be read (or is at EOF/error); false when `cancelFd` became readable.
    static func waitReadable(_ fd: Int32, cancelFd: Int32) -> Bool {
        waitReady(fd, events: Int16(POLLIN), cancelFd: cancelFd)
    }

    /// Blocks until `fd` can be written (or has an error); false when `cancelFd` became readable.
    static func waitWritable(_ fd: Int32, cancelFd: Int32) -> Bool {
        waitReady(fd, events: Int16(POLLOUT), cancelFd: cancelFd)
    }

    /// Waits at most `timeoutMs` or until `fd` hangs up (every writer closed it) or has an error, not
    /// for input; false when `cancelFd` became readable.
    static func waitForHangUp(_ fd: Int32, cancelFd: Int32, timeoutMs: Int32) -> Bool {
        waitReady(fd, events: 0, cancelFd: cancelFd, timeoutMs: timeoutMs)
    }

    private static func waitReady(_ fd: Int32, events: Int16, cancelFd: Int32, timeoutMs: Int32 = -1) -> Bool {
        var fds = [
            pollfd(fd: fd, events: events, revents: 0),
            pollfd(fd: cancelFd, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            let count = poll(&fds, 2, timeoutMs)
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return false }
            if fds[1].revents != 0 { return false }
            return true
        }
    }

    /// Reads a non-blocking descriptor until it would block (or ends); what was read is discarded.
    static func drain(_ fd: Int32) {
        var bytes = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        while withUnsafeMutableBytes(of: &bytes, { read(fd, into: $0) }) == .bytes(MemoryLayout.size(ofValue: bytes)) {}
    }

    /// Writes one byte so that every `waitReady` on the read end wakes up (used to cancel I/O threads).
    static func signal(_ fd: Int32) {
        var byte: UInt8 = 1
        _ = withUnsafeBytes(of: &byte) { write(fd, $0) }
    }
}
