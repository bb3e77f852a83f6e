import Glibc

/// Plain file calls for the rotating stderr logs.
enum PosixFile {
    /// Opens (creating) `path` for appending; returns the descriptor and the current size.
    static func openForAppend(_ path: String) -> Result<(fd: Int32, size: UInt64), PosixErrno> {
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .failure(.current) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = PosixErrno.current
            PosixPipe.close(fd)
            return .failure(failure)
        }
        return .success((fd, UInt64(info.st_size)))
    }

    /// Writes all of `bytes` (blocking descriptor).
    static func writeAll(_ fd: Int32, _ bytes: ArraySlice<UInt8>) -> PosixErrno? {
        var offset = bytes.startIndex
        while offset < bytes.endIndex {
            let outcome = bytes[offset...].withUnsafeBytes { PosixPipe.write(fd, $0) }
            switch outcome {
            case .bytes(let count): offset += count
            case .failed(let code): return PosixErrno(code: code)
            case .endOfFile, .wouldBlock: return PosixErrno(code: EIO)
            }
        }
        return nil
    }

    /// `rename`; a missing source is not an error.
    static func rename(_ source: String, to destination: String) -> PosixErrno? {
        if Glibc.rename(source, destination) == 0 || errno == ENOENT { return nil }
        return .current
    }

    /// `unlink`; a missing file is not an error.
    static func remove(_ path: String) -> PosixErrno? {
        if unlink(path) == 0 || errno == ENOENT { return nil }
        return .current
    }
}
