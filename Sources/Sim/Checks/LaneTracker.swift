import Core

/// The simulator's view of which transcriptions are really running on engine processes: from the
/// coordinator's `task.started` until the engine writes the final reply or its process ends. A lane
/// (task, engine for multi-engine tasks) must never be started while an earlier request of it still
/// runs on a process the coordinator considers healthy and running.
struct LaneTracker: Sendable {
    struct Lane: Hashable, Sendable {
        var task: TaskID
        /// The engine for multi-engine tasks, nil for single-lane tasks.
        var engine: EngineID?
    }

    struct Live: Sendable {
        var lane: Lane
        var engine: EngineID
        var pid: ProcessID
    }

    var live: [RequestID: Live] = [:]
    var byLane: [Lane: [RequestID]] = [:]

    mutating func started(_ request: RequestID, lane: Lane, engine: EngineID, pid: ProcessID) -> [RequestID] {
        let earlier = byLane[lane] ?? []
        live[request] = Live(lane: lane, engine: engine, pid: pid)
        byLane[lane, default: []].append(request)
        return earlier
    }

    mutating func ended(_ request: RequestID) {
        guard let entry = live.removeValue(forKey: request) else { return }
        byLane[entry.lane]?.removeAll { $0 == request }
        if byLane[entry.lane]?.isEmpty == true { byLane[entry.lane] = nil }
    }

    mutating func processEnded(_ pid: ProcessID) {
        for request in live.keys.sorted() where live[request]!.pid == pid { ended(request) }
    }
}
