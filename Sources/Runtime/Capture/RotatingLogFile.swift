/// Appends to `name.log`; before a write would take it past `fileBytesMax` it renames
/// `name.log.(k)` to `name.log.(k+1)` (dropping the oldest), `name.log` to `name.log.1`, and opens
/// a fresh `name.log`. Cuts fall after the last newline that fits when there is one. Used by one
/// thread only.
package struct RotatingLogFile: ~Copyable {
    package let policy: LogRotationPolicy
    private var fd: Int32 = -1
    private var size: UInt64 = 0
    /// The last failure (open, write or rename); bytes that failed to write are the caller's to count.
    private(set) var lastError: PosixErrno?

    package init(policy: LogRotationPolicy) {
        precondition(policy.fileBytesMax > 0 && policy.backupFilesMax >= 0, "bad log rotation policy")
        self.policy = policy
    }

    deinit { PosixPipe.close(fd) }

    /// Writes `bytes`, rotating as needed; returns how many bytes reached the file.
    package mutating func write(_ bytes: [UInt8]) -> Int {
        var rest = bytes[...]
        var written = 0
        while !rest.isEmpty {
            guard openIfNeeded() else { return written }
            let room = Int(clamping: policy.fileBytesMax - min(size, policy.fileBytesMax))
            if rest.count <= room {
                return written + (append(rest) ? rest.count : 0)
            }
            let fitting = rest.prefix(room)
            if let newline = fitting.lastIndex(of: 0x0A) {
                let piece = rest[...newline]
                guard append(piece) else { return written }
                written += piece.count
                rest = rest[rest.index(after: newline)...]
            } else if size == 0 {
                guard append(fitting) else { return written }
                written += fitting.count
                rest = rest.dropFirst(fitting.count)
            }
            guard rotate() else { return written }
        }
        return written
    }

    private mutating func openIfNeeded() -> Bool {
        guard fd < 0 else { return true }
        guard open() else { return false }
        guard size >= policy.fileBytesMax else { return true }
        return rotate() && open()
    }

    private mutating func open() -> Bool {
        switch PosixFile.openForAppend(policy.path(index: 0)) {
        case .success(let opened):
            fd = opened.fd
            size = opened.size
            return true
        case .failure(let failure):
            lastError = failure
            return false
        }
    }

    private mutating func append(_ bytes: ArraySlice<UInt8>) -> Bool {
        if let failure = PosixFile.writeAll(fd, bytes) {
            lastError = failure
            return false
        }
        size += UInt64(bytes.count)
        return true
    }

    /// Closes the current file and shifts the backups; false when a rename or removal failed.
    private mutating func rotate() -> Bool {
        PosixPipe.close(fd)
        fd = -1
        size = 0
        if policy.backupFilesMax == 0 { return note(PosixFile.remove(policy.path(index: 0))) }
        var succeeded = note(PosixFile.remove(policy.path(index: policy.backupFilesMax)))
        for index in stride(from: policy.backupFilesMax - 1, through: 0, by: -1) {
            let renamed = PosixFile.rename(policy.path(index: index), to: policy.path(index: index + 1))
            succeeded = note(renamed) && succeeded
        }
        return succeeded
    }

    private mutating func note(_ failure: PosixErrno?) -> Bool {
        guard let failure else { return true }
        lastError = failure
        return false
    }
}
