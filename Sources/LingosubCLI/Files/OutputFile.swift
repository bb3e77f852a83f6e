import CommandLineSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a whole output file (created or truncated, mode 0644 before the umask); a failure says why.
package enum OutputFile {
    package static func write(_ text: String, to path: String) throws(FileFailure) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw FileFailure(path: path, reason: "cannot open for writing: \(FileFailure.errnoText())") }
        if let reason = DescriptorWriter.writeAll(text, to: descriptor) {
            close(descriptor)
            throw FileFailure(path: path, reason: "cannot write: \(reason)")
        }
        guard close(descriptor) == 0 else { throw FileFailure(path: path, reason: "cannot write: \(FileFailure.errnoText())") }
    }
}
