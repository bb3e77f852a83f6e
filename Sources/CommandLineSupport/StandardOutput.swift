#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to the process's stdout and stderr, unbuffered. A failed stdout write (a full disk, a closed
/// pipe while SIGPIPE is ignored) is remembered, so the tool can fail instead of exiting 0 with its
/// output lost: see `exitCode(_:tool:)`.
public final class StandardOutput: CommandOutput {
    private let stdoutDescriptor: Int32
    private let stderrDescriptor: Int32
    /// Why the first stdout write failed (`No space left on device`); nil while every write succeeded.
    public private(set) var stdoutFailure: String?

    /// Descriptors other than 1 and 2 are for tests.
    public init(stdoutDescriptor: Int32 = 1, stderrDescriptor: Int32 = 2) {
        self.stdoutDescriptor = stdoutDescriptor
        self.stderrDescriptor = stderrDescriptor
    }

    public func out(_ text: String) {
        guard stdoutFailure == nil else { return }
        if let reason = write(text, to: stdoutDescriptor) { stdoutFailure = reason }
    }

    public func err(_ text: String) { _ = write(text, to: stderrDescriptor) }

    /// `code`, or 1 (after saying why on stderr) when the command succeeded but its output was not written.
    public func exitCode(_ code: Int32, tool: String) -> Int32 {
        guard code == 0, let stdoutFailure else { return code }
        err("\(tool): cannot write to stdout: \(stdoutFailure)\n")
        return 1
    }

    /// Writes everything; the error text on failure.
    private func write(_ text: String, to descriptor: Int32) -> String? {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                return String(cString: strerror(errno))
            }
            offset += written
        }
        return nil
    }

    private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}
