import Foundation
import Glibc

/// Reads /proc to check for zombies, group members and open descriptors.
enum ProcessTable {
    struct Entry {
        var pid: Int32
        var state: Character
        var parent: Int32
        var group: Int32
    }

    static func entry(_ pid: Int32) -> Entry? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = text.lastIndex(of: ")")
        else { return nil }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 3, let state = fields[0].first, let parent = Int32(fields[1]),
            let group = Int32(fields[2])
        else { return nil }
        return Entry(pid: pid, state: state, parent: parent, group: group)
    }

    static func allEntries() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return names.compactMap { Int32($0) }.compactMap { entry($0) }
    }

    /// Members of `group` that are not zombies (or dead).
    static func liveMembers(ofGroup group: Int32) -> [Int32] {
        allEntries().filter { $0.group == group && $0.state != "Z" && $0.state != "X" }.map(\.pid).sorted()
    }

    /// Our own children among `pids` that are zombies.
    static func zombieChildren(among pids: [Int32]) -> [Int32] {
        let me = getpid()
        return pids.filter { pid in
            guard let entry = entry(pid) else { return false }
            return entry.parent == me && entry.state == "Z"
        }
    }

    /// What `fd` of this process refers to (`pipe:[1234]`, a path, …); nil when it is closed.
    static func descriptorTarget(_ fd: Int32) -> String? {
        try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(fd)")
    }

    static func openDescriptorCount() -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).count
    }

    /// Polls `condition` (1 ms apart) until it holds or `timeoutMs` passes; for kernel-side state
    /// (a SIGKILLed process leaving /proc) that no event of ours reports.
    static func eventually(timeoutMs: Int = Fixture.waitMs, _ condition: () -> Bool) -> Bool {
        let deadline = DispatchTime.now() + .milliseconds(timeoutMs)
        while !condition() {
            if DispatchTime.now() >= deadline { return false }
            usleep(1_000)
        }
        return true
    }
}
