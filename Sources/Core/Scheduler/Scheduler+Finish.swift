/// Lane and task endings, dependents and retention.
extension Scheduler {
    /// A lane reached a final state; the task ends when all its lanes have.
    mutating func laneEnded(_ reference: LaneReference, _ state: LaneState, now: UInt64) -> [SchedulerOutput] {
        tasks[reference.task]!.lanes[reference.lane].state = state
        tasks[reference.task]!.lanes[reference.lane].queueVersion &+= 1
        let engine = tasks[reference.task]!.lanes[reference.lane].engine
        var outputs: [SchedulerOutput] = []
        switch state {
        case .completed(let engine, let transcript):
            outputs.append(.event(reference.task, .engineResult(engine: engine, transcript)))
        case .failed(let error):
            outputs.append(.event(reference.task, .engineAttemptFailed(engine: engine, error)))
        default:
            break
        }
        let task = tasks[reference.task]!
        guard task.lanes.allSatisfy(\.state.isFinal) else { return outputs + progressEvent(reference.task) }
        var outcome = TaskState.failed(CoreError(.cancelled))
        if task.lanes.contains(where: { if case .completed = $0.state { true } else { false } }) {
            outcome = .completed
        } else if let error = task.lanes.lazy.compactMap({ lane -> CoreError? in
            if case .failed(let error) = lane.state { error } else { nil }
        }).first {
            outcome = .failed(error)
        }
        return outputs + finish(reference.task, outcome: outcome, now: now)
    }

    /// Ends a task: its unfinished lanes are cancelled (running requests become orphans that get a
    /// `cancel`), the final event is emitted, dependents are released or failed, retention applies.
    mutating func finish(_ id: TaskID, outcome: TaskState, now: UInt64) -> [SchedulerOutput] {
        precondition(outcome.isFinal && tasks[id]!.outcome == nil, "finish \(id) twice or with \(outcome)")
        var outputs: [SchedulerOutput] = []
        let laneEnd: LaneState
        if case .failed(let error) = outcome { laneEnd = .failed(error) } else { laneEnd = .cancelled }
        for index in tasks[id]!.lanes.indices where !tasks[id]!.lanes[index].state.isFinal {
            if case .running(let engine, let request, _) = tasks[id]!.lanes[index].state {
                outputs += orphan(request, engine: engine, cost: tasks[id]!.spec.cost, now: now)
            }
            tasks[id]!.lanes[index].state = laneEnd
            tasks[id]!.lanes[index].queueVersion &+= 1
        }
        tasks[id]!.outcome = outcome
        unfinishedCount -= 1
        if tasks[id]!.spec.deadlineMs != nil { outputs.append(.cancelTimer(.taskDeadline(id))) }
        switch outcome {
        case .completed: outputs.append(.event(id, .taskCompleted))
        case .failed(let error): outputs.append(.event(id, .taskFailed(error)))
        default: outputs.append(.event(id, .taskCancelled))
        }
        for dependent in tasks[id]!.dependents where tasks[dependent]?.outcome == nil {
            if outcome == .completed {
                tasks[dependent]!.unresolvedDependencies -= 1
                if tasks[dependent]!.unresolvedDependencies == 0 { enqueueAll(dependent, now: now) }
            } else {
                let error = CoreError(.dependencyFailed, "\(id) did not complete")
                outputs += finish(dependent, outcome: .failed(error), now: now)
            }
        }
        return outputs + retain(id)
    }

    /// Moves a running request to the orphans: `cancel` is sent and its slot is held until the final
    /// reply or `cancelGraceMs`.
    mutating func orphan(_ request: RequestID, engine: EngineID, cost: UInt32, now: UInt64) -> [SchedulerOutput] {
        running[request] = nil
        orphans[request] = Orphan(engine: engine, cost: cost)
        return [
            .cancelTimer(.requestTimeout(request)), .send(engine, .cancel(target: request)),
            .armTimer(.cancelGrace(request), atMs: now + configuration.cancelGraceMs),
        ]
    }

    /// Keeps at most `finishedTasksRetainedMax` finished tasks, forgetting the oldest.
    private mutating func retain(_ id: TaskID) -> [SchedulerOutput] {
        finishedOrder.append(id)
        var outputs: [SchedulerOutput] = []
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
        return outputs
    }
}
