import Dispatch
import Foundation
import Runtime
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// The baselines: the C `line-echo` child, driven over plain pipes with blocking `write`/`read`; the
/// same child driven as the driver drives engines (`ChildProcess` with its stdout polled by a
/// `DriverLoop` on this thread, requests written inline); and through `ChildProcess`'s reader thread.
extension RuntimeLatencyBench {
    struct EchoError: Error, CustomStringConvertible {
        var description: String
    }

    /// `line-echo` on two pipes; the parent writes the message and reads until it is all back.
    final class PipeEcho {
        private let process = Process()
        private let toChild = Pipe()
        private let fromChild = Pipe()
        private var buffer = [UInt8](repeating: 0, count: 65_536)

        init(executable: String) throws {
            process.executableURL = URL(fileURLWithPath: executable)
            process.standardInput = toChild
            process.standardOutput = fromChild
            try process.run()
        }

        func roundTrip(_ message: [UInt8]) throws -> Duration {
            let clock = ContinuousClock()
            let start = clock.now
            let writeFd = toChild.fileHandleForWriting.fileDescriptor
            let readFd = fromChild.fileHandleForReading.fileDescriptor
            var written = 0
            while written < message.count {
                let count = message.withUnsafeBytes { write(writeFd, $0.baseAddress! + written, $0.count - written) }
                guard count > 0 || errno == EINTR else { throw EchoError(description: "write: errno \(errno)") }
                written += max(count, 0)
            }
            var received = 0
            while received < message.count {
                let count = buffer.withUnsafeMutableBytes { read(readFd, $0.baseAddress!, $0.count) }
                guard count > 0 || (count < 0 && errno == EINTR) else {
                    throw EchoError(description: "read: \(count < 0 ? "errno \(errno)" : "end of file")")
                }
                received += max(count, 0)
            }
            return clock.now - start
        }

        /// Closes the child's stdin (it exits at end of file) and reaps it.
        func finish() {
            try? toChild.fileHandleForWriting.close()  // already closed is fine: the child exits either way
            process.waitUntilExit()
        }
    }

    /// `line-echo` as a `Runtime.ChildProcess` with a stdout reader thread: writes go inline (or to
    /// its stdin thread), replies come from its stdout thread, and a semaphore wakes this thread.
    final class RuntimeEcho: Sendable {
        /// Counts echoed bytes on the stdout thread; signals when a whole message is back.
        final class Arrivals: Sendable {
            let messageBytes: Int
            let received = Mutex(0)
            let complete = DispatchSemaphore(value: 0)

            init(messageBytes: Int) { self.messageBytes = messageBytes }

            func add(_ count: Int) {
                let done: Bool = received.withLock { total in
                    total += count
                    guard total >= messageBytes else { return false }
                    total -= messageBytes
                    return true
                }
                if done { complete.signal() }
            }
        }

        private let child: ChildProcess
        private let arrivals: Arrivals
        private let expected: Int

        init(executable: String, messageBytes: Int) throws {
            expected = messageBytes
            let arrivals = Arrivals(messageBytes: messageBytes)
            self.arrivals = arrivals
            var handlers = ChildProcess.Handlers()
            handlers.standardOutput = { bytes in arrivals.add(bytes.count) }
            child = try ChildProcess.spawn(ProcessConfiguration(command: [executable]), handlers: handlers)
        }

        func roundTrip(_ message: [UInt8]) throws -> Duration {
            precondition(message.count == expected, "the echo was set up for \(expected) B messages")
            let clock = ContinuousClock()
            let start = clock.now
            guard child.write(message) == .accepted else { throw EchoError(description: "stdin refused the message") }
            guard arrivals.complete.wait(timeout: .now() + .seconds(10)) == .success else {
                throw EchoError(description: "no echo within 10 s")
            }
            return clock.now - start
        }

        func finish() {
            child.closeStdin()
            if child.waitForExit(timeoutMs: 5_000) == nil { child.signalGroup(.kill) }
            _ = child.waitForExit(timeoutMs: 5_000)
        }
    }
}
