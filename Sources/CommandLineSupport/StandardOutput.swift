#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to the process's stdout and stderr, unbuffered for stderr.
public final class StandardOutput: CommandOutput {
    public init() {}
    public func out(_ text: String) { write(text, to: 1) }
    public func err(_ text: String) { write(text, to: 2) }

    private func write(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 { if errno == EINTR { continue }; return }
            offset += written
        }
    }
}
