import EngineSDK

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How lsref reads an audio file and its `<audio>.txt`: one open, one fstat, reads into one buffer.
/// Symbolic links are followed; the file must be regular (not a directory, FIFO or device).
package enum ReferenceAudioFile {
    /// What a read found.
    package enum Contents: Sendable, Hashable {
        /// Missing, not a regular file, or unreadable.
        case missing
        case bytes([UInt8])
        /// Larger than the caller's `declineOverBytes`; nothing was read.
        case declined
    }

    /// Largest audio file lsref reads (a bound on memory; larger files are -32011).
    package static let bytesMax = 256 << 20

    /// The file's bytes. A file over `bytesMax` throws -32011; one over `declineOverBytes` is `.declined`.
    package static func read(_ path: String, declineOverBytes: Int = Int.max) throws(EngineError) -> Contents {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then rejected by fstat).
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .missing }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return .missing }
        let size = Int(status.st_size)
        if size > bytesMax {
            throw EngineError(.audioUnsupportedFormat, reason: "file of \(size) bytes exceeds \(bytesMax)", path: path)
        }
        guard size <= declineOverBytes else { return .declined }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                if read < 0, errno == EINTR { continue }
                guard read > 0 else {
                    failed = read < 0
                    break  // an error, or the file shrank while being read
                }
                count += read
            }
        }
        return failed ? .missing : .bytes(bytes)
    }

    /// `hello.wav` → the text of `hello.txt`, else of `hello.wav.txt`, else nil.
    /// A candidate stat(2) cannot reach is skipped without opening it: the usual case (no transcript)
    /// then costs two failing stats, about half of what two failing opens cost.
    package static func transcriptText(for audioPath: String) -> String? {
        for candidate in transcriptCandidates(audioPath) where exists(candidate) {
            do {
                if case .bytes(let bytes) = try read(candidate) { return String(decoding: bytes, as: UTF8.self) }
            } catch {
                continue  // a transcript too large to read is ignored like a missing one
            }
        }
        return nil
    }

    /// Whether stat(2) reaches `path` (following links). When it does not, open(2) would fail too.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0
    }

    /// `dir/hello.wav` → `dir/hello.txt`, `dir/hello.wav.txt` (as `URL.deletingPathExtension` does:
    /// the extension is what follows the last dot of the last component, when that dot neither
    /// starts nor ends it).
    package static func transcriptCandidates(_ audioPath: String) -> [String] {
        let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
        // Cuts are made next to ASCII bytes, so each piece is whole UTF-8.
        var path = audioPath.utf8[...]
        while path.count > 1, path.last == slash { path = path.dropLast() }
        let nameStart = path.lastIndex(of: slash).map { path.index(after: $0) } ?? path.startIndex
        var stem = path
        if let lastDot = path.lastIndex(of: dot), lastDot > nameStart, path.index(after: lastDot) < path.endIndex {
            stem = path[..<lastDot]
        }
        return [String(Substring(stem)) + ".txt", String(Substring(path)) + ".txt"]
    }
}
