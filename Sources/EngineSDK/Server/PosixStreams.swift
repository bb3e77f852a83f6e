#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the sidecar loop needs: a private stdout, full writes, reads, a monotonic clock.
package enum PosixStreams {
    /// Moves the real stdout to a private descriptor and points fd 1 at stderr, so that a stray
    /// `print` from engine code lands on stderr instead of corrupting the protocol (SPEC 2.1-MUST-NOT-1).
    /// Also ignores SIGPIPE so a closed stdout is a write error (SPEC 5.7-SHOULD-1).
    package static func takeStandardOutput() -> Int32 {
        signal(SIGPIPE, SIG_IGN)
        let privateFD = dup(1)
        precondition(privateFD >= 0, "dup(1) failed: errno \(errno)")
        _ = fcntl(privateFD, F_SETFD, FD_CLOEXEC)
        _ = dup2(2, 1)
        return privateFD
    }

    /// Writes all of `bytes`, retrying short writes and EINTR; false on any other error (EPIPE).
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// Reads into `buffer` (up to its count); the number of bytes read, 0 at end of file or on an
    /// error other than EINTR.
    package static func read(_ fd: Int32, into buffer: inout [UInt8]) -> Int {
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0, errno == EINTR { continue }
            return max(count, 0)
        }
    }

    /// Milliseconds of CLOCK_MONOTONIC.
    package static func monotonicMs() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1_000 + Int(now.tv_nsec) / 1_000_000
    }

    /// Installs a SIGTERM handler that writes one byte to a pipe (the only async-signal-safe way
    /// out of a handler); `waitForTerminate()` blocks on that pipe. Call once, before other threads.
    package static func catchTerminate() {
        _ = terminatePipe.write  // initialize the global outside the handler
        signal(SIGTERM) { _ in
            var byte: UInt8 = 15
            _ = write(terminatePipe.write, &byte, 1)
        }
    }

    /// Waits for the next SIGTERM caught by `catchTerminate()`.
    package static func waitForTerminate() {
        var byte: UInt8 = 0
        while Glibc.read(terminatePipe.read, &byte, 1) < 0, errno == EINTR {}
    }

    /// Ends the process now, without atexit handlers.
    package static func exitNow(_ code: Int32) -> Never { _exit(code) }

    /// Ends the process (flushing C stdio, which the SDK does not use for stdout).
    package static func exitProcess(_ code: Int32) -> Never { exit(code) }
}

/// The self-pipe of `PosixStreams.catchTerminate()`: read end, write end (close-on-exec).
let terminatePipe: (read: Int32, write: Int32) = {
    var fds: [Int32] = [-1, -1]
    precondition(pipe(&fds) == 0, "pipe() failed: errno \(errno)")
    for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    return (fds[0], fds[1])
}()
