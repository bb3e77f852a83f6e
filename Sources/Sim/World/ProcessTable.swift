import Core

/// The simulated processes by pid. Pids are allocated in order from `firstPid` and never reused, so
/// the processes (references) sit in an array indexed by pid: a lookup does not hash the pid.
struct ProcessTable {
    /// The first pid the world hands out.
    static let firstPid: Int32 = 101

    private var slots: [SimProcess?] = []

    @inline(__always) private func index(_ pid: ProcessID) -> Int? {
        let index = Int(pid.value) - Int(Self.firstPid)
        return index >= 0 && index < slots.count ? index : nil
    }

    subscript(pid: ProcessID) -> SimProcess? {
        @inline(__always) get {
            guard let index = index(pid) else { return nil }
            return slots[index]
        }
        _modify {
            if let index = index(pid) {
                yield &slots[index]
            } else {
                var absent: SimProcess?
                yield &absent
                if let absent { insert(absent, at: pid) }
            }
        }
    }

    private mutating func insert(_ process: SimProcess, at pid: ProcessID) {
        let index = Int(pid.value) - Int(Self.firstPid)
        precondition(index >= 0, "\(pid) is below the first pid \(Self.firstPid)")
        if index >= slots.count { slots.append(contentsOf: repeatElement(nil, count: index - slots.count + 1)) }
        slots[index] = process
    }

    /// Every pid in increasing order.
    var pids: [ProcessID] {
        var pids: [ProcessID] = []
        for index in slots.indices where slots[index] != nil { pids.append(ProcessID(Self.firstPid + Int32(index))) }
        return pids
    }

    /// The pids whose process group is `group` (the leader included), in increasing order.
    func members(of group: ProcessID) -> [ProcessID] {
        var pids: [ProcessID] = []
        for index in slots.indices where slots[index]?.group == group {
            pids.append(ProcessID(Self.firstPid + Int32(index)))
        }
        return pids
    }
}
