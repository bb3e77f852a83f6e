/// Dispatch: the best queued lane goes to a free engine, repeatedly, within every limit.
extension Scheduler {
    private struct Candidate {
        var key: DispatchKey
        var engine: EngineID
        var fromAnyQueue: Bool
    }

    /// False when nothing can start: no queue entries (maybe stale) or the global limit reached.
    package var mayDispatch: Bool {
        requestsInFlight < configuration.requestsInFlightMax
            && !(anyEngineQueue.isEmpty && queues.values.allSatisfy(\.isEmpty))
    }

    /// Starts as many queued lanes as the limits allow. `engines` must be sorted by id; engines that do
    /// not accept work are skipped. A queue whose best lane does not fit its cost budget waits (no
    /// smaller lane overtakes it), so large tasks are not starved by small ones.
    package mutating func dispatch(
        now: UInt64, engines: [EngineSlot], requestIDs: inout RequestIDAllocator
    ) -> [SchedulerOutput] {
        var outputs: [SchedulerOutput] = []
        while requestsInFlight < configuration.requestsInFlightMax, let candidate = bestCandidate(engines) {
            outputs += start(candidate, now: now, requestIDs: &requestIDs)
        }
        return outputs
    }

    private mutating func bestCandidate(_ engines: [EngineSlot]) -> Candidate? {
        let anyTop = cleanTop(nil)
        var best: Candidate?
        var anySlotLoad = Int.max
        for slot in engines where slot.acceptsWork && (inFlight[slot.id] ?? 0) < slot.requestsInFlightMax {
            if let top = cleanTop(slot.id), fits(top.key, slot), best.map({ top.key < $0.key }) ?? true {
                best = Candidate(key: top.key, engine: slot.id, fromAnyQueue: false)
            }
            let load = inFlight[slot.id] ?? 0
            guard let anyTop, load < anySlotLoad, fits(anyTop.key, slot) else { continue }
            anySlotLoad = load
            if best.map({ anyTop.key < $0.key || $0.fromAnyQueue }) ?? true {
                best = Candidate(key: anyTop.key, engine: slot.id, fromAnyQueue: true)
            }
        }
        return best
    }

    /// The queue's top after dropping stale entries (lanes that left the queue since they were pushed).
    private mutating func cleanTop(_ engine: EngineID?) -> LaneHeapEntry? {
        while true {
            let top = engine.map { queues[$0]?.top } ?? anyEngineQueue.top
            guard let entry = top else { return nil }
            if isCurrent(entry) { return entry }
            if let engine { queues[engine]!.pop() } else { anyEngineQueue.pop() }
        }
    }

    func isCurrent(_ entry: LaneHeapEntry) -> Bool {
        guard let lane = tasks[entry.key.task]?.lanes[entry.key.lane], case .queued = lane.state else { return false }
        return lane.queueVersion == entry.version
    }

    private func fits(_ key: DispatchKey, _ slot: EngineSlot) -> Bool {
        let cost = UInt64(tasks[key.task]!.spec.cost)
        if let capacity = configuration.costCapacity, totalCost + cost > UInt64(capacity) { return false }
        if let capacity = slot.costCapacity, (engineCost[slot.id] ?? 0) + cost > UInt64(capacity) { return false }
        return true
    }

    private mutating func start(
        _ candidate: Candidate, now: UInt64, requestIDs: inout RequestIDAllocator
    ) -> [SchedulerOutput] {
        if candidate.fromAnyQueue { anyEngineQueue.pop() } else { queues[candidate.engine]!.pop() }
        let reference = LaneReference(task: candidate.key.task, lane: candidate.key.lane)
        let task = tasks[reference.task]!
        let request = requestIDs.allocate()
        var lane = task.lanes[reference.lane]
        lane.state = .running(engine: candidate.engine, request: request, progressPermille: 0)
        lane.dispatches += 1
        lane.queueVersion &+= 1
        lane.draftSegments = []
        tasks[reference.task]!.lanes[reference.lane] = lane
        running[request] = reference
        occupy(candidate.engine, cost: task.spec.cost)
        var outputs: [SchedulerOutput] = [
            .send(candidate.engine, .transcribe(id: request, task.spec.transcribe)),
            .event(reference.task, .taskStarted(engine: candidate.engine, request: request, dispatch: lane.dispatches)),
        ]
        if let timeout = task.spec.requestTimeoutMs ?? configuration.requestTimeoutMs {
            outputs.append(.armTimer(.requestTimeout(request), atMs: now + timeout))
        }
        return outputs
    }

    mutating func occupy(_ engine: EngineID, cost: UInt32) {
        inFlight[engine, default: 0] += 1
        engineCost[engine, default: 0] += UInt64(cost)
        totalCost += UInt64(cost)
    }

    mutating func release(_ engine: EngineID, cost: UInt32) {
        inFlight[engine, default: 0] -= 1
        engineCost[engine, default: 0] -= UInt64(cost)
        totalCost -= UInt64(cost)
    }
}
