/// Lane and task endings, dependents and retention.
extension Scheduler {
    /// A lane reached a final state; the task ends when all its lanes have.
    mutating func laneEnded(
        _ reference: LaneReference, _ state: LaneState, now: UInt64, into outputs: inout some SchedulerSink
    ) {
        tasks.updateLane(reference) { lane in
            lane.state = state
            lane.queueVersion &+= 1
        }
        let engine = tasks[reference.task]!.lanes[reference.lane].engine
        switch state {
        case .completed(let engine, let transcript):
            outputs.append(.event(reference.task, .engineResult(engine: engine, transcript)))
        case .failed(let error):
            outputs.append(.event(reference.task, .engineAttemptFailed(engine: engine, error)))
        default:
            break
        }
        guard tasks[reference.task]!.lanes.allSatisfy(\.state.isFinal) else {
            return progressEvent(reference.task, into: &outputs)
        }
        let outcome = Self.outcome(of: tasks[reference.task]!.lanes)
        finish(reference.task, outcome: outcome, now: now, into: &outputs)
    }

    /// A task whose lanes are all final: completed if one completed, else the first lane failure,
    /// else cancelled.
    static func outcome(of lanes: [Lane]) -> TaskState {
        if lanes.contains(where: { if case .completed = $0.state { true } else { false } }) { return .completed }
        for lane in lanes { if case .failed(let error) = lane.state { return .failed(error) } }
        return .failed(CoreError(.cancelled))
    }

    /// Ends a task: its unfinished lanes are cancelled (running requests become orphans that get a
    /// `cancel`), the final event is emitted, dependents are released or failed, retention applies.
    mutating func finish(_ id: TaskID, outcome: TaskState, now: UInt64, into outputs: inout some SchedulerSink) {
        precondition(outcome.isFinal && tasks[id]!.outcome == nil, "finish \(id) twice or with \(outcome)")
        let laneEnd: LaneState
        if case .failed(let error) = outcome { laneEnd = .failed(error) } else { laneEnd = .cancelled }
        for index in tasks[id]!.lanes.indices where !tasks[id]!.lanes[index].state.isFinal {
            if case .running(let engine, let request, _) = tasks[id]!.lanes[index].state {
                orphan(request, engine: engine, cost: tasks[id]!.spec.cost, now: now, into: &outputs)
            }
            tasks.updateLane(LaneReference(task: id, lane: index)) { lane in
                lane.state = laneEnd
                lane.queueVersion &+= 1
            }
        }
        tasks.update(id) { $0.outcome = outcome }
        unfinishedCount -= 1
        if tasks[id]!.spec.deadlineMs != nil { outputs.append(.cancelTimer(.taskDeadline(id))) }
        switch outcome {
        case .completed: outputs.append(.event(id, .taskCompleted))
        case .failed(let error): outputs.append(.event(id, .taskFailed(error)))
        default: outputs.append(.event(id, .taskCancelled))
        }
        for dependent in tasks[id]!.dependents where tasks[dependent]?.outcome == nil {
            if outcome == .completed {
                let unresolved = tasks.update(dependent) { task in
                    task.unresolvedDependencies -= 1
                    return task.unresolvedDependencies
                }
                if unresolved == 0 { enqueueAll(dependent, now: now) }
            } else {
                let error = CoreError(.dependencyFailed, "\(id) did not complete")
                finish(dependent, outcome: .failed(error), now: now, into: &outputs)
            }
        }
        retain(id, into: &outputs)
    }

    /// Moves a running request to the orphans: `cancel` is sent and its slot is held until the final
    /// reply or `cancelGraceMs`.
    mutating func orphan(
        _ request: RequestID, engine: EngineID, cost: UInt32, now: UInt64, cancelsTimeout: Bool = true,
        into outputs: inout some SchedulerSink
    ) {
        running[request] = nil
        orphans[request] = Orphan(engine: engine, cost: cost)
        if cancelsTimeout { outputs.append(.cancelTimer(.requestTimeout(request))) }
        outputs.append(.send(engine, .cancel(target: request)))
        outputs.append(.armTimer(.cancelGrace(request), atMs: now.saturatingAdd(configuration.cancelGraceMs)))
    }

    /// Keeps at most `finishedTasksRetainedMax` finished tasks, forgetting the oldest.
    private mutating func retain(_ id: TaskID, into outputs: inout some SchedulerSink) {
        finishedOrder.append(id)
        while finishedOrder.count - finishedOrderHead > configuration.finishedTasksRetainedMax {
            let old = finishedOrder[finishedOrderHead]
            finishedOrderHead += 1
            if let key = tasks[old]?.spec.idempotencyKey { idempotencyKeys[key] = nil }
            tasks.remove(old)
            outputs.append(.forget(old))
        }
        if finishedOrderHead > 1_024 && finishedOrderHead * 2 > finishedOrder.count {
            finishedOrder.removeFirst(finishedOrderHead)
            finishedOrderHead = 0
        }
    }
}
