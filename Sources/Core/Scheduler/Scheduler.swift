/// The task scheduler: a value-type state machine over tasks and their lanes (one per engine attempt).
///
/// Guarantees, checked by `violations()`: a task is never lost (every unfinished lane is waiting on a
/// dependency, in exactly one queue, or running), a lane never has two requests in flight, and
/// in-flight counts and costs stay within the limits. See `DispatchKey` for ordering and the
/// starvation bound, `TaskSpec` for per-task options.
package struct Scheduler: Sendable {
    package let configuration: SchedulerConfiguration
    /// Engines a task may name, with their cost capacities.
    package let engineCostCapacities: [EngineID: UInt32?]
    package internal(set) var tasks = TaskTable()
    var nextTaskValue: UInt64 = 1
    var idempotencyKeys: [String: TaskID] = [:]
    /// Engines in id order; per-engine state below is indexed by position (no hashing on dispatch).
    package var engineOrder: [EngineID] { engineIndex.ids }
    let engineIndex: EngineIndex
    var queues: [LaneHeap]
    var anyEngineQueue = LaneHeap()
    package internal(set) var running = IDTable<RequestID, LaneReference>()
    /// Cancelled requests still holding their engine slot until the final reply or the grace timer.
    var orphans = IDTable<RequestID, Orphan>()
    var inFlight: [Int]
    var engineCost: [UInt64]
    var totalCost: UInt64 = 0
    package internal(set) var unfinishedCount = 0
    var finishedOrder: [TaskID] = []
    var finishedOrderHead = 0

    struct Orphan: Hashable, Sendable {
        var engine: EngineID
        var cost: UInt32
    }

    package init(configuration: SchedulerConfiguration = .default, engines: [EngineID: UInt32?]) {
        self.configuration = configuration
        self.engineCostCapacities = engines
        engineIndex = EngineIndex(Array(engines.keys))
        queues = Array(repeating: LaneHeap(), count: engineIndex.count)
        inFlight = Array(repeating: 0, count: engineIndex.count)
        engineCost = Array(repeating: 0, count: engineIndex.count)
    }

    package var requestsInFlight: Int { running.count + orphans.count }

    package func task(_ id: TaskID) -> SchedulerTask? { tasks[id] }

    /// Accepts a task, or returns the existing id for a known idempotency key (`deduplicated`).
    /// Nothing is appended to `outputs` when it throws.
    package mutating func submit(
        _ spec: TaskSpec, now: UInt64, into outputs: inout some SchedulerSink
    ) throws(CoreError) -> (id: TaskID, deduplicated: Bool) {
        if let key = spec.idempotencyKey, let existing = idempotencyKeys[key] { return (existing, true) }
        try validate(spec, now: now)
        var unresolved = 0
        for dependency in spec.dependencies {
            guard let other = tasks[dependency] else { throw CoreError(.unknownDependency, "\(dependency)") }
            switch other.outcome {
            case nil: unresolved += 1
            case .completed?: break
            default: throw CoreError(.dependencyFailed, "\(dependency) did not complete")
            }
        }
        let id = TaskID(nextTaskValue)
        nextTaskValue += 1
        let engines: [EngineID?] = spec.engines.isEmpty ? [nil] : spec.engines.map { $0 }
        let lanes = engines.map { Lane(engine: $0, state: unresolved > 0 ? .waiting : .queued) }
        tasks.insert(SchedulerTask(id: id, spec: spec, submittedAtMs: now, lanes: lanes,
                                   unresolvedDependencies: unresolved))
        for dependency in spec.dependencies where tasks[dependency]?.outcome == nil {
            tasks.update(dependency) { $0.dependents.append(id) }
        }
        if let key = spec.idempotencyKey { idempotencyKeys[key] = id }
        unfinishedCount += 1
        outputs.append(.event(id, .taskQueued))
        if let deadline = spec.deadlineMs { outputs.append(.armTimer(.taskDeadline(id), atMs: deadline)) }
        if unresolved == 0 { enqueueAll(id, now: now) }
        return (id, false)
    }

    private func validate(_ spec: TaskSpec, now: UInt64) throws(CoreError) {
        guard unfinishedCount < configuration.queueCapacity else {
            throw CoreError(.queueFull, "\(unfinishedCount) unfinished tasks")
        }
        guard Set(spec.engines).count == spec.engines.count else { throw CoreError(.invalidTask, "engine twice") }
        if let deadline = spec.deadlineMs, deadline <= now { throw CoreError(.deadlineExceeded, "deadline passed") }
        if let capacity = configuration.costCapacity, spec.cost > capacity {
            throw CoreError(.costExceedsCapacity, "cost \(spec.cost) > global \(capacity)")
        }
        for engine in spec.engines {
            guard let capacity = engineCostCapacities[engine] else { throw CoreError(.unknownEngine, "\(engine)") }
            if let capacity, spec.cost > capacity {
                throw CoreError(.costExceedsCapacity, "cost \(spec.cost) > \(engine) \(capacity)")
            }
        }
        if spec.engines.isEmpty && engineCostCapacities.isEmpty { throw CoreError(.unknownEngine, "no engines") }
        if spec.engines.isEmpty, !engineCostCapacities.values.contains(where: { $0.map { spec.cost <= $0 } ?? true }) {
            throw CoreError(.costExceedsCapacity, "cost \(spec.cost) fits no engine")
        }
    }

    /// Cancels a task in any unfinished state: queued lanes leave the queue, running requests get a
    /// `cancel` notification (their slot is held until the final reply or `cancelGraceMs`).
    /// Nothing is appended to `outputs` when it throws.
    package mutating func cancel(_ id: TaskID, now: UInt64, into outputs: inout some SchedulerSink) throws(CoreError) {
        guard let task = tasks[id] else { throw CoreError(.unknownTask, "\(id)") }
        guard task.outcome == nil else { throw CoreError(.taskFinished, "\(id) already finished") }
        finish(id, outcome: .cancelled, now: now, into: &outputs)
    }

    /// Puts every non-final lane of a task whose dependencies are done into its queue.
    mutating func enqueueAll(_ id: TaskID, now: UInt64) {
        for index in tasks[id]!.lanes.indices where !tasks[id]!.lanes[index].state.isFinal {
            enqueue(LaneReference(task: id, lane: index), now: now)
        }
    }

    /// Queues a lane, keeping its first `queuedAtMs` so re-queued lanes keep their age.
    mutating func enqueue(_ reference: LaneReference, now: UInt64) {
        let priority = tasks[reference.task]!.spec.priority
        let deadlineMs = tasks[reference.task]!.spec.deadlineMs
        // The lane is changed in place (a copy of the task alive here would make the write copy its lanes).
        var queuedAt = now
        var version: UInt32 = 0
        var engine: EngineID?
        modifyLane(reference) { lane in
            queuedAt = lane.queuedAtMs ?? now
            lane.queuedAtMs = queuedAt
            lane.state = .queued
            lane.queueVersion &+= 1
            version = lane.queueVersion
            engine = lane.engine
        }
        let key = DispatchKey(
            queuedAtMs: queuedAt, priority: priority, agingStepMs: configuration.agingStepMs,
            deadlineMs: deadlineMs, task: reference.task, lane: reference.lane)
        let entry = LaneHeapEntry(key: key, version: version)
        if let engine { queues[engineIndex.position(of: engine)!].push(entry) } else { anyEngineQueue.push(entry) }
    }
}
