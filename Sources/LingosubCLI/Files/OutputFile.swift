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
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let failure = FileFailure(path: path, reason: "cannot write: \(FileFailure.errnoText())")
                close(descriptor)
                throw failure
            }
            offset += written
        }
        guard close(descriptor) == 0 else { throw FileFailure(path: path, reason: "cannot write: \(FileFailure.errnoText())") }
    }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}
