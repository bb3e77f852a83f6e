import Foundation

/// What /proc says about this process: its open descriptors and its zombie children. For soak
/// benchmarks and leak checks (Linux only).
package enum ProcessInspection {
    /// Entries of /proc/self/fd (the listing's own descriptor included, the same every time).
    package static func openDescriptorCount() -> Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").count) ?? -1
    }

    /// Those of `pids` that are zombies whose parent is this process (exited, never reaped).
    package static func zombieChildren(among pids: [Int32]) -> [Int32] {
        let me = ProcessInfo.processInfo.processIdentifier
        return pids.filter { pid in
            guard let entry = statEntry(pid) else { return false }
            return entry.state == "Z" && entry.parent == me
        }
    }

    /// State letter and parent pid from /proc/<pid>/stat; nil when the process is gone.
    static func statEntry(_ pid: Int32) -> (state: Character, parent: Int32)? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 2, let state = fields[0].first, let parent = Int32(fields[1]) else { return nil }
        return (state, parent)
    }
}
