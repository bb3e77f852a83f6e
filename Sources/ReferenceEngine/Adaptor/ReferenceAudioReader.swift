import EngineSDK
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads audio and its transcript text as `ReferenceAudioFile` does, keeping the last audio file
/// open. A request for the same path that still names the same, unchanged file (device, inode,
/// mode, owner, ctime) is read with pread(2) instead of open, fstat, read and close. The bytes always
/// come from the file at the time of the request; only the opening is saved. A change to the file's
/// metadata or contents moves its ctime, so the file is then opened afresh (as after a rename over it).
///
/// Whether the path still names that file is asked with stat(2) of the path, or, once its directory
/// has been seen quiet (`ReferenceAudioReader+Directory`), with stat(2) of the directory and fstat(2):
/// an unchanged directory has the same entries, so the path leads to the same inode and the
/// transcript candidates that had no entry still have none.
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

    /// The file kept open, and what is known about its directory.
    struct OpenFile: Sendable {
        let path: String
        /// `directoryPath(of: path)`, worked out once.
        let directoryPath: String
        let fd: Int32
        let identity: Identity
        /// The directory as it was seen quiet, after which the path was found to name this file.
        var directory: Identity?
        /// Neither transcript candidate had an entry while the directory was `directory`.
        var transcriptAbsent = false
        /// Confirmations left before the directory is looked at again, after it was not quiet.
        var directoryRetryCountdown = 0
    }

    /// The audio's contents, and its transcript text when the audio was read (`.bytes`).
    package typealias Audio = (contents: ReferenceAudioFile.Contents, transcriptText: String?)

    private let last = Mutex<OpenFile?>(nil)
    /// Nanoseconds of CLOCK_REALTIME, the clock filesystems stamp ctimes with (injected by tests).
    let realtimeNs: @Sendable () -> Int

    package init(realtimeNs: @escaping @Sendable () -> Int = ReferenceAudioReader.realtimeNow) {
        self.realtimeNs = realtimeNs
    }

    deinit {
        if let file = last.withLock({ $0.take() }) { close(file.fd) }
    }

    /// The path whose descriptor is kept open, if any (for tests).
    package var openPath: String? { last.withLock { $0?.path } }

    /// Whether the kept file's directory has been seen quiet (for tests).
    package var knowsDirectory: Bool { last.withLock { $0?.directory != nil } }

    /// `ReferenceAudioFile.read(path, declineOverBytes:)`, reusing the open descriptor when it may.
    package func read(_ path: String, declineOverBytes: Int = Int.max) throws(EngineError) -> ReferenceAudioFile.Contents {
        try readAudio(path, declineOverBytes: declineOverBytes).contents
    }

    /// The audio as `read` gives it, with `ReferenceAudioFile.transcriptText(for: path)` when it is `.bytes`.
    /// The descriptor is taken out of the lock for the I/O, so a concurrent read opens its own.
    package func readAudio(_ path: String, declineOverBytes: Int = Int.max) throws(EngineError) -> Audio {
        if let previous = last.withLock({ $0.take() }) {
            if previous.path == path, let audio = try reread(previous, declineOverBytes: declineOverBytes) {
                return audio
            }
            if previous.path != path { close(previous.fd) }
        }
        guard let (fd, status) = ReferenceAudioFile.openRegular(path) else { return (.missing, nil) }
        let contents: ReferenceAudioFile.Contents
        do {
            contents = try ReferenceAudioFile.contents(
                of: fd, size: Int(status.st_size), path: path, declineOverBytes: declineOverBytes)
        } catch {
            close(fd)
            throw error
        }
        let file = OpenFile(path: path, directoryPath: Self.directoryPath(of: path), fd: fd, identity: Identity(status))
        if Self.onBlockDevice(file.identity.device) { keep(file) } else { close(fd) }
        return (contents, Self.transcriptText(contents, path))
    }

    /// The audio through `previous` when its path still names it; nil (with `previous` closed) when
    /// the path must be opened again.
    private func reread(_ previous: OpenFile, declineOverBytes: Int) throws(EngineError) -> Audio? {
        var file = previous
        guard let size = confirm(&file) else {
            close(file.fd)
            return nil
        }
        defer { keep(file) }
        let contents = try ReferenceAudioFile.contents(of: file.fd, size: size, path: file.path, declineOverBytes: declineOverBytes)
        guard case .bytes = contents else { return (contents, nil) }
        if file.transcriptAbsent { return (contents, nil) }
        let transcript = ReferenceAudioFile.lookUpTranscript(for: file.path)
        file.transcriptAbsent = file.directory != nil && transcript.noCandidate
        return (contents, transcript.text)
    }

    private static func transcriptText(_ contents: ReferenceAudioFile.Contents, _ path: String) -> String? {
        guard case .bytes = contents else { return nil }
        return ReferenceAudioFile.transcriptText(for: path)
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
