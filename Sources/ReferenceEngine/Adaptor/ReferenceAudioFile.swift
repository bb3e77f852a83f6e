import EngineSDK

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How lsref reads an audio file and its `<audio>.txt`: one open, one fstat, preads into one buffer.
/// Symbolic links are followed; the file must be regular (not a directory, FIFO or device).
/// `ReferenceAudioReader` does the same while keeping the last audio file open.
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
        guard let (fd, status) = openRegular(path) else { return .missing }
        defer { close(fd) }
        return try contents(of: fd, size: Int(status.st_size), path: path, declineOverBytes: declineOverBytes)
    }

    /// `path` opened for reading with its fstat, when it is a regular file; nil otherwise (nothing stays open).
    static func openRegular(_ path: String) -> (fd: Int32, status: stat)? {
        // O_NONBLOCK: opening a FIFO must not wait for a writer (it is then rejected by fstat).
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            return nil
        }
        return (fd, status)
    }

    /// The first `size` bytes of the regular file open as `fd`, read with pread(2) from offset 0
    /// (fewer if it shrank meanwhile), after the bounds: over `bytesMax` throws -32011, over
    /// `declineOverBytes` is `.declined`.
    static func contents(of fd: Int32, size: Int, path: String, declineOverBytes: Int) throws(EngineError) -> Contents {
        if size > bytesMax {
            throw EngineError(.audioUnsupportedFormat, reason: "file of \(size) bytes exceeds \(bytesMax)", path: path)
        }
        guard size <= declineOverBytes else { return .declined }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let read = pread(fd, buffer.baseAddress! + count, size - count, off_t(count))
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
    package static func transcriptText(for audioPath: String) -> String? { lookUpTranscript(for: audioPath).text }

    /// `transcriptText(for:)`, and whether neither candidate exists at all (lstat(2) finds no entry).
    /// A candidate without an entry is skipped without opening it: the usual case (no transcript)
    /// then costs two failing lstats, about half of what two failing opens cost. Any entry is opened
    /// (a link is followed; one that leads nowhere reads as missing).
    static func lookUpTranscript(for audioPath: String) -> (text: String?, noCandidate: Bool) {
        var noCandidate = true
        for candidate in transcriptCandidates(audioPath) where hasEntry(candidate) {
            noCandidate = false
            do {
                if case .bytes(let bytes) = try read(candidate) { return (String(decoding: bytes, as: UTF8.self), false) }
            } catch {
                continue  // a transcript too large to read is ignored like a missing one
            }
        }
        return (nil, noCandidate)
    }

    /// Whether `path` has a directory entry, unless lstat(2) says it has none (ENOENT): open(2)
    /// would then fail too.
    static func hasEntry(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 || errno != ENOENT
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
