import EngineSDK

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How the reader confirms that a path still names the kept file: through its directory once that
/// was seen quiet (one stat of the directory and an fstat, no lookup of the file's name), else with
/// stat(2) of the path.
///
/// A directory is quiet when its ctime is older than `quietMarginNs` (3 s when its timestamps
/// have whole seconds only): any later creation, removal or rename of an entry then moves its
/// ctime to a different value, even with coarse filesystem clocks. The one change this does not see
/// is a bind mount over the audio file itself.
extension ReferenceAudioReader {
    /// The file's current size when `file.path` still names `file` (learning its directory when
    /// it is quiet), nil when it must be opened again.
    func confirm(_ file: inout OpenFile) -> Int? {
        var directoryStatus = stat()
        let lookAtDirectory = file.directory != nil || file.directoryRetryCountdown == 0
        let directorySeen = lookAtDirectory && stat(file.directoryPath, &directoryStatus) == 0
        if let known = file.directory, directorySeen, Identity(directoryStatus) == known {
            var status = stat()
            guard fstat(file.fd, &status) == 0, Identity(status) == file.identity else { return nil }
            return Int(status.st_size)
        }
        // The path itself: lstat(2), and stat(2) behind a link, whose entry is elsewhere.
        var status = stat()
        guard lstat(file.path, &status) == 0 else { return nil }
        let direct = (status.st_mode & S_IFMT) != S_IFLNK
        guard direct || stat(file.path, &status) == 0, Identity(status) == file.identity else { return nil }
        let quiet = directorySeen && direct && isQuiet(directoryStatus)
        file.directory = quiet ? Identity(directoryStatus) : nil
        file.transcriptAbsent = false
        file.directoryRetryCountdown = quiet ? 0 : (file.directoryRetryCountdown + Self.directoryRetryInterval - 1) % Self.directoryRetryInterval
        return Int(status.st_size)
    }

    /// After a directory that was not quiet, confirmations by path before it is looked at again.
    static let directoryRetryInterval = 64

    /// How long a directory's ctime must lie in the past for it to be quiet: past the kernel's clock
    /// tick and the filesystem's timestamp granularity (whole seconds, or 2 s on FAT, when the
    /// nanoseconds are 0).
    package static func quietMarginNs(_ status: stat) -> Int {
        status.st_ctim.tv_nsec == 0 ? 3_000_000_000 : 50_000_000
    }

    package func isQuiet(_ status: stat) -> Bool {
        let changedNs = Int(status.st_ctim.tv_sec) * 1_000_000_000 + Int(status.st_ctim.tv_nsec)
        return changedNs + Self.quietMarginNs(status) < realtimeNs()
    }

    /// CLOCK_REALTIME in nanoseconds.
    package static func realtimeNow() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
    }

    /// The directory whose entry the last component of `path` is: `a/b` for `a/b/c.wav`, `.` for
    /// `c.wav`, `/` for `/c.wav`.
    package static func directoryPath(of path: String) -> String {
        let utf8 = path.utf8
        guard let slash = utf8.lastIndex(of: UInt8(ascii: "/")) else { return "." }
        if slash == utf8.startIndex { return "/" }
        return String(Substring(utf8[..<slash]))
    }
}
