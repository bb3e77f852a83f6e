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

    /// This process's children, by pid, with their `/proc/PID/stat` state letter (`Z` for a zombie).
    static func children() throws -> [Int32: Character] {
        let ourPid = getpid()
        var found: [Int32: Character] = [:]
        for entry in try FileManager.default.contentsOfDirectory(atPath: "/proc") {
            guard let pid = Int32(entry),
                let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { continue }  // not a pid, or it exited while we listed
            // After "pid (comm)": " S ppid …"; comm may hold spaces and parentheses, so cut at the last ')'.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count >= 2, let state = fields[0].first, Int32(fields[1]) == ourPid else { continue }
            found[pid] = state
        }
        return found
    }

    /// The pids of zombie children.
    static func zombies() throws -> Set<Int32> {
        var pids: Set<Int32> = []
        for (pid, state) in try children() where state == "Z" { pids.insert(pid) }
        return pids
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

        mutating func sample(crashes: () -> Int) throws {
            let crashesBefore = crashes()
            let pids = try RuntimeSoakBench.zombies()
            let crashesAfter = crashes()
            samples += 1
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
