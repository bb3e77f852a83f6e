/// Invariants (run by the simulator after every step).
extension Scheduler {
    /// Every broken invariant, in a deterministic order; empty when all hold. O(tasks + queue entries).
    package func violations() -> [InvariantViolation] {
        var found: [InvariantViolation] = []
        var queuedLanes = Set<LaneReference>()
        var runningLanes = 0
        var unfinished = 0
        var inFlightCounted: [EngineID: Int] = [:]
        for id in tasks.keys.sorted() {
            let task = tasks[id]!
            if task.outcome == nil { unfinished += 1 }
            for (index, lane) in task.lanes.enumerated() {
                let reference = LaneReference(task: id, lane: index)
                switch lane.state {
                case .queued: queuedLanes.insert(reference)
                case .running(let engine, let request, _):
                    runningLanes += 1
                    inFlightCounted[engine, default: 0] += 1
                    if running[request] != reference {
                        found.append(InvariantViolation("lane_request_mismatch", "\(id) lane \(index) \(request)"))
                    }
                case .waiting where task.unresolvedDependencies == 0:
                    found.append(InvariantViolation("task_lost", "\(id) lane \(index) waits on nothing"))
                default: break
                }
                if task.outcome != nil && !lane.state.isFinal {
                    found.append(InvariantViolation("lane_after_finish", "\(id) lane \(index) is \(lane.state)"))
                }
            }
        }
        if runningLanes != running.count {
            found.append(InvariantViolation("lane_running_twice", "\(runningLanes) running lanes, \(running.count) requests"))
        }
        found += queueViolations(queuedLanes)
        for orphan in orphans.values { inFlightCounted[orphan.engine, default: 0] += 1 }
        for engine in Set(inFlight.keys).union(inFlightCounted.keys).sorted()
        where (inFlight[engine] ?? 0) != (inFlightCounted[engine] ?? 0) {
            found.append(InvariantViolation("in_flight_miscounted", "\(engine)"))
        }
        if unfinished != unfinishedCount {
            found.append(InvariantViolation("unfinished_miscounted", "\(unfinished) vs \(unfinishedCount)"))
        }
        if requestsInFlight > configuration.requestsInFlightMax {
            found.append(InvariantViolation("in_flight_over_limit", "\(requestsInFlight)"))
        }
        if let capacity = configuration.costCapacity, totalCost > UInt64(capacity) {
            found.append(InvariantViolation("cost_over_capacity", "\(totalCost) > \(capacity)"))
        }
        return found
    }

    /// Every queued lane has exactly one current heap entry, and no current entry is for another lane.
    private func queueViolations(_ queuedLanes: Set<LaneReference>) -> [InvariantViolation] {
        var current: [LaneReference: Int] = [:]
        for heap in [anyEngineQueue] + queues.keys.sorted().map({ queues[$0]! }) {
            for entry in heap.unordered where isCurrent(entry) {
                current[LaneReference(task: entry.key.task, lane: entry.key.lane), default: 0] += 1
            }
        }
        var found: [InvariantViolation] = []
        for lane in queuedLanes.sorted(by: { ($0.task, $0.lane) < ($1.task, $1.lane) }) where current[lane] != 1 {
            found.append(InvariantViolation("task_lost", "\(lane.task) lane \(lane.lane) queued \(current[lane] ?? 0)×"))
        }
        return found
    }
}
