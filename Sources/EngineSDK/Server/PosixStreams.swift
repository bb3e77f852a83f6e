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

    /// Reads up to `capacity` bytes; empty at end of file or on an error other than EINTR.
    package static func read(_ fd: Int32, capacity: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: capacity)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, capacity) }
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return [] }
            buffer.removeSubrange(count...)
            return buffer
        }
    }

    /// Milliseconds of CLOCK_MONOTONIC.
    package static func monotonicMs() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1_000 + Int(now.tv_nsec) / 1_000_000
    }

    /// Ends the process now, without atexit handlers.
    package static func exitNow(_ code: Int32) -> Never { _exit(code) }

    /// Ends the process (flushing C stdio, which the SDK does not use for stdout).
    package static func exitProcess(_ code: Int32) -> Never { exit(code) }
}
