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
        if let reason = DescriptorWriter.writeAll(text, to: stdoutDescriptor) { stdoutFailure = reason }
    }

    public func err(_ text: String) { _ = DescriptorWriter.writeAll(text, to: stderrDescriptor) }

    /// `code`, or 1 (after saying why on stderr) when the command succeeded but its output was not written.
    public func exitCode(_ code: Int32, tool: String) -> Int32 {
        guard code == 0, let stdoutFailure else { return code }
        err("\(tool): cannot write to stdout: \(stdoutFailure)\n")
        return 1
    }
}
