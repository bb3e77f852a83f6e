/// Dispatch: the best queued lane goes to a free engine, repeatedly, within every limit.
extension Scheduler {
    private struct Candidate {
        var key: DispatchKey
        /// Position in `engineOrder`.
        var engine: Int
        var fromAnyQueue: Bool
    }

    /// False when nothing can start: no queue entries (maybe stale) or the global limit reached.
    package var mayDispatch: Bool {
        requestsInFlight < configuration.requestsInFlightMax
            && !(anyEngineQueue.isEmpty && queues.allSatisfy(\.isEmpty))
    }

    /// Starts as many queued lanes as the limits allow. `engines` lists every engine in `engineOrder`
    /// (id order); engines that do not accept work are skipped. A queue whose best lane does not fit
    /// its cost budget waits (no smaller lane overtakes it), so large tasks are not starved by small ones.
    package mutating func dispatch(
        now: UInt64, engines: [EngineSlot], requestIDs: inout RequestIDAllocator, into outputs: inout some SchedulerSink
    ) {
        precondition(engines.count == engineOrder.count, "one slot per engine, in id order")
        while requestsInFlight < configuration.requestsInFlightMax, let candidate = bestCandidate(engines) {
            start(candidate, engine: engines[candidate.engine].id, now: now, requestIDs: &requestIDs, into: &outputs)
        }
    }

    private mutating func bestCandidate(_ engines: [EngineSlot]) -> Candidate? {
        let anyTop = cleanTop(nil)
        var best: Candidate?
        var anySlotLoad = Int.max
        for (index, slot) in engines.enumerated() where slot.acceptsWork && inFlight[index] < slot.requestsInFlightMax {
            if let top = cleanTop(index), fits(top.key, slot, index), best.map({ top.key < $0.key }) ?? true {
                best = Candidate(key: top.key, engine: index, fromAnyQueue: false)
            }
            let load = inFlight[index]
            guard let anyTop, load < anySlotLoad, fits(anyTop.key, slot, index) else { continue }
            anySlotLoad = load
            if best.map({ anyTop.key < $0.key || $0.fromAnyQueue }) ?? true {
                best = Candidate(key: anyTop.key, engine: index, fromAnyQueue: true)
            }
        }
        return best
    }

    /// The queue's top after dropping stale entries (lanes that left the queue since they were pushed).
    private mutating func cleanTop(_ engine: Int?) -> LaneHeapEntry? {
        while true {
            let top = engine.map { queues[$0].top } ?? anyEngineQueue.top
            guard let entry = top else { return nil }
            if isCurrent(entry) { return entry }
            if let engine { queues[engine].pop() } else { anyEngineQueue.pop() }
        }
    }

    func isCurrent(_ entry: LaneHeapEntry) -> Bool {
        guard let lane = tasks[entry.key.task]?.lanes[entry.key.lane], case .queued = lane.state else { return false }
        return lane.queueVersion == entry.version
    }

    private func fits(_ key: DispatchKey, _ slot: EngineSlot, _ index: Int) -> Bool {
        let cost = UInt64(tasks[key.task]!.spec.cost)
        if let capacity = configuration.costCapacity, totalCost + cost > UInt64(capacity) { return false }
        if let capacity = slot.costCapacity, engineCost[index] + cost > UInt64(capacity) { return false }
        return true
    }

    private mutating func start(
        _ candidate: Candidate, engine: EngineID, now: UInt64, requestIDs: inout RequestIDAllocator,
        into outputs: inout some SchedulerSink
    ) {
        if candidate.fromAnyQueue { anyEngineQueue.pop() } else { queues[candidate.engine].pop() }
        let reference = LaneReference(task: candidate.key.task, lane: candidate.key.lane)
        let request = requestIDs.allocate()
        var dispatches: UInt32 = 0
        modifyLane(reference) { lane in
            lane.state = .running(engine: engine, request: request, progressPermille: 0)
            lane.dispatches += 1
            lane.queueVersion &+= 1
            lane.draftSegments = []
            dispatches = lane.dispatches
        }
        running[request] = reference
        occupy(engine, cost: tasks[reference.task]!.spec.cost)
        outputs.append(.send(engine, .transcribe(id: request, tasks[reference.task]!.spec.transcribe)))
        outputs.append(.event(reference.task, .taskStarted(engine: engine, request: request, dispatch: dispatches)))
        if let timeout = tasks[reference.task]!.spec.requestTimeoutMs ?? configuration.requestTimeoutMs {
            outputs.append(.armTimer(.requestTimeout(request), atMs: now.saturatingAdd(timeout)))
        }
    }

    /// Mutates one lane in place.
    mutating func modifyLane(_ reference: LaneReference, _ body: (inout Lane) -> Void) {
        tasks.updateLane(reference, body)
    }

    mutating func occupy(_ engine: EngineID, cost: UInt32) {
        let index = engineIndex.position(of: engine)!
        inFlight[index] += 1
        engineCost[index] += UInt64(cost)
        totalCost += UInt64(cost)
    }

    mutating func release(_ engine: EngineID, cost: UInt32) {
        let index = engineIndex.position(of: engine)!
        inFlight[index] -= 1
        engineCost[index] -= UInt64(cost)
        totalCost -= UInt64(cost)
    }
}
