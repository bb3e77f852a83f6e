#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole input file (configuration, transcript, subtitles, profile) with a bound: at most
/// `bytesMax` bytes are ever read, so `/dev/zero` or a huge file fails fast instead of filling memory.
/// Failures say why (missing, a directory, permission, too large), naming the path.
package enum InputFile {
    /// Bound on transcript, subtitle and result files.
    package static let bytesMaxDefault = 256 * 1024 * 1024
    private static let chunkBytes = 1 << 16

    package static func read(_ path: String, bytesMax: Int = bytesMaxDefault) throws(FileFailure) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileFailure(path: path, reason: "cannot open: \(FileFailure.errnoText())") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileFailure(path: path, reason: "cannot stat: \(FileFailure.errnoText())") }
        if status.st_mode & S_IFMT == S_IFDIR { throw FileFailure(path: path, reason: "is a directory, not a file") }
        if status.st_mode & S_IFMT == S_IFREG, Int64(status.st_size) > Int64(bytesMax) {
            throw tooLarge(path, bytesMax)
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: chunkBytes)
        while true {
            let count = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileFailure(path: path, reason: "cannot read: \(FileFailure.errnoText())")
            }
            if count == 0 { return bytes }
            guard bytes.count + count <= bytesMax else { throw tooLarge(path, bytesMax) }
            bytes += chunk[0..<count]
        }
    }

    private static func tooLarge(_ path: String, _ bytesMax: Int) -> FileFailure {
        FileFailure(path: path, reason: "larger than the limit of \(bytesMax) bytes")
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }

}
