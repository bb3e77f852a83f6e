import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What `/proc` says about this process: its open descriptors and its children.
extension RuntimeSoakBench {
    /// Entries of `/proc/self/fd` (the directory handle used to list it is counted in every call alike).
    static func openDescriptorCount() throws -> Int {
        try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count
    }

    /// A `/proc` file's text (they report size 0, so read until end of file); nil once the process is gone.
    static func procFile(_ path: String) -> String? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4_096)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress!, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// This process's children, by pid, with their `/proc/PID/stat` state letter (`Z` for a zombie).
    static func children() throws -> [Int32: Character] {
        let ourPid = getpid()
        var found: [Int32: Character] = [:]
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") {
            guard let pid = Int32(entry),
                let stat = procFile("/proc/\(entry)/stat"),
                let close = stat.lastIndex(of: ")")
            else { continue }  // not a pid, or it exited while we listed
            // After "pid (comm)": " S ppid …"; comm may hold spaces and parentheses, so cut at the last ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count >= 2, let state = fields[0].first, Int32(fields[1]) == ourPid else { continue }
            found[pid] = state
        }
        return found
    }
}

extension RuntimeSoakBench {
    /// Samples zombie children during the soak. A dead child is a zombie until its reaper thread
    /// reaps it, and its crash is reported only after that, so a zombie sampled when `c` crashes had
    /// been reported is gone once `c + 2` have been: one still there then is a leak ("persisting").
    struct ZombieSampler {
        private var previous: (crashesAfter: Int, pids: Set<Int32>)?
        private(set) var samples = 0
        /// Zombies seen in all samples (dead children awaiting their reaper; not a leak by itself).
        private(set) var transient = 0
        private(set) var persisting: Set<Int32> = []
        /// Children of any state seen in all samples (shows the scan finds the engine).
        private(set) var childrenSeen = 0

        mutating func sample(crashes: () -> Int) throws {
            let crashesBefore = crashes()
            let children = try RuntimeSoakBench.children()
            let crashesAfter = crashes()
            var pids: Set<Int32> = []
            for (pid, state) in children where state == "Z" { pids.insert(pid) }
            samples += 1
            childrenSeen += children.count
            transient += pids.count
            guard let previous else {
                self.previous = (crashesAfter, pids)
                return
            }
            guard crashesBefore >= previous.crashesAfter + 2 else { return }
            persisting.formUnion(previous.pids.intersection(pids))
            self.previous = (crashesAfter, pids)
        }
    }
}
