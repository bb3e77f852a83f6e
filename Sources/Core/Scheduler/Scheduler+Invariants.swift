/// Invariants (run by the simulator after every step).
extension Scheduler {
    /// Every broken invariant, sorted; empty when all hold.
    ///
    /// Always checked, O(requests in flight + engines): every in-flight request maps to a lane running
    /// that very request (so no lane runs twice), per-engine and global in-flight counts and costs
    /// match and stay within limits. `thorough` adds, O(tasks + queue entries): every unfinished lane
    /// is waiting on an unfinished dependency, queued with exactly one current queue entry, or running
    /// (nothing lost); finished tasks have only final lanes; the unfinished count is right.
    package func violations(thorough: Bool = true) -> [InvariantViolation] {
        var found: [InvariantViolation] = []
        var counted: [EngineID: Int] = [:]
        for request in running.keys {
            let reference = running[request]!
            guard let lane = tasks[reference.task]?.lanes[reference.lane],
                case .running(let engine, request, _) = lane.state
            else {
                found.append(InvariantViolation("lane_request_mismatch", "\(request) → \(reference.task) lane \(reference.lane)"))
                continue
            }
            counted[engine, default: 0] += 1
        }
        for orphan in orphans.values { counted[orphan.engine, default: 0] += 1 }
        for (index, engine) in engineOrder.enumerated() where inFlight[index] != (counted[engine] ?? 0) {
            found.append(InvariantViolation("in_flight_miscounted", "\(engine) \(inFlight[index]) vs \(counted[engine] ?? 0)"))
        }
        if requestsInFlight > configuration.requestsInFlightMax {
            found.append(InvariantViolation("in_flight_over_limit", "\(requestsInFlight)"))
        }
        if let capacity = configuration.costCapacity, totalCost > UInt64(capacity) {
            found.append(InvariantViolation("cost_over_capacity", "\(totalCost) > \(capacity)"))
        }
        for (engine, cost) in zip(engineOrder, engineCost) {
            if let capacity = engineCostCapacities[engine] ?? nil, cost > UInt64(capacity) {
                found.append(InvariantViolation("cost_over_capacity", "\(engine) \(cost) > \(capacity)"))
            }
        }
        if thorough { found += taskViolations() }
        return found.sorted { ($0.id, $0.detail) < ($1.id, $1.detail) }
    }

    private func taskViolations() -> [InvariantViolation] {
        var found: [InvariantViolation] = []
        var queuedLanes = Set<LaneReference>()
        var runningLanes = 0
        var unfinished = 0
        for task in tasks.all {
            let id = task.id
            if task.outcome == nil { unfinished += 1 }
            for (index, lane) in task.lanes.enumerated() {
                switch lane.state {
                case .queued: queuedLanes.insert(LaneReference(task: id, lane: index))
                case .running: runningLanes += 1
                case .waiting where task.unresolvedDependencies <= 0:
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
        if unfinished != unfinishedCount {
            found.append(InvariantViolation("unfinished_miscounted", "\(unfinished) vs \(unfinishedCount)"))
        }
        var current: [LaneReference: Int] = [:]
        for heap in [anyEngineQueue] + queues {
            for entry in heap.unordered where isCurrent(entry) {
                current[LaneReference(task: entry.key.task, lane: entry.key.lane), default: 0] += 1
            }
        }
        for lane in queuedLanes where current[lane] != 1 {
            found.append(InvariantViolation("task_lost", "\(lane.task) lane \(lane.lane) queued \(current[lane] ?? 0)×"))
        }
        return found
    }
}
