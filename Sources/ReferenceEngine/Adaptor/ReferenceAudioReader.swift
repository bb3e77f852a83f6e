import EngineSDK
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads audio as `ReferenceAudioFile.read` does, keeping the last file open: a request for the same
/// path that still names the same, unchanged file (device, inode, mode, owner, ctime) is read with
/// stat(2) and pread(2) instead of open, fstat, read and close. The bytes always come from the file
/// at the time of the request; only the opening is saved. A change to the file's metadata or
/// contents moves its ctime, so the file is then opened afresh (as it is after a rename over it).
///
/// Only on filesystems backed by a block device (major device number not 0), whose page cache every
/// reader on the host shares. Network filesystems revalidate their cache at open(2) (NFS, SMB, FUSE
/// and 9p have anonymous device numbers, as tmpfs and overlayfs do), so there every request opens
/// the file. At most one descriptor stays open (close-on-exec); it is closed when another path is read.
package final class ReferenceAudioReader: Sendable {
    /// What must be unchanged for the open descriptor to stand for a fresh open of the path.
    struct Identity: Sendable, Hashable {
        let device: UInt64
        let inode: UInt64
        let mode: UInt32
        let owner: UInt32
        let group: UInt32
        let changeSeconds: Int
        let changeNanoseconds: Int

        init(_ status: stat) {
            device = UInt64(status.st_dev)
            inode = UInt64(status.st_ino)
            mode = UInt32(status.st_mode)
            owner = UInt32(status.st_uid)
            group = UInt32(status.st_gid)
            changeSeconds = Int(status.st_ctim.tv_sec)
            changeNanoseconds = Int(status.st_ctim.tv_nsec)
        }
    }

    /// The file kept open.
    struct OpenFile: Sendable {
        let path: String
        let fd: Int32
        let identity: Identity
    }

    private let last = Mutex<OpenFile?>(nil)

    package init() {}

    deinit {
        if let file = last.withLock({ $0.take() }) { close(file.fd) }
    }

    /// The path whose descriptor is kept open, if any (for tests).
    package var openPath: String? { last.withLock { $0?.path } }

    /// `ReferenceAudioFile.read(path, declineOverBytes:)`, reusing the open descriptor when it may.
    /// The descriptor is taken out of the lock for the I/O, so a concurrent read opens its own.
    package func read(_ path: String, declineOverBytes: Int = Int.max) throws(EngineError) -> ReferenceAudioFile.Contents {
        if let previous = last.withLock({ $0.take() }) {
            if previous.path == path, let contents = try reread(previous, declineOverBytes: declineOverBytes) {
                return contents
            }
            if previous.path != path { close(previous.fd) }
        }
        guard let (fd, status) = ReferenceAudioFile.openRegular(path) else { return .missing }
        let contents: ReferenceAudioFile.Contents
        do {
            contents = try ReferenceAudioFile.contents(
                of: fd, size: Int(status.st_size), path: path, declineOverBytes: declineOverBytes)
        } catch {
            close(fd)
            throw error
        }
        let file = OpenFile(path: path, fd: fd, identity: Identity(status))
        if Self.onBlockDevice(file.identity.device) { keep(file) } else { close(fd) }
        return contents
    }

    /// The contents through `previous` when stat(2) of its path still gives its identity on a local
    /// filesystem; nil (with `previous` closed) when the path must be opened again.
    private func reread(_ previous: OpenFile, declineOverBytes: Int) throws(EngineError) -> ReferenceAudioFile.Contents? {
        var status = stat()
        guard stat(previous.path, &status) == 0, Identity(status) == previous.identity else {
            close(previous.fd)
            return nil
        }
        defer { keep(previous) }
        return try ReferenceAudioFile.contents(
            of: previous.fd, size: Int(status.st_size), path: previous.path, declineOverBytes: declineOverBytes)
    }

    /// Makes `file` the kept descriptor, closing the one it displaces (from a concurrent read).
    private func keep(_ file: OpenFile) {
        if let displaced = last.withLock({ slot in defer { slot = file }; return slot }) { close(displaced.fd) }
    }

    /// Whether `device` (a `st_dev`) has a major number (glibc's `gnu_dev_major`) other than 0.
    package static func onBlockDevice(_ device: UInt64) -> Bool {
        let major = ((device >> 8) & 0xFFF) | ((device >> 32) & ~UInt64(0xFFF))
        return major != 0
    }
}
