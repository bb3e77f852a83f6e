import Core

/// The simulator's invariants, on top of `Coordinator.checkInvariants()`.
extension SimWorld {
    func emitted(_ event: Event) {
        if options.recordEvents {
            events.append(RecordedEvent(event, atMs: nowMs))
            jobEvents[event.job, default: []].append(event)
        }
        if let job = event.job, options.checkInvariants {
            if book.finished.contains(job) {
                violate("event_after_final", "\(event.kind.name) for \(book.alias(job)) after its final event")
            }
        }
        if let job = event.job, event.kind.isFinal { _ = book.finish(job) }
        switch event.kind {
        case .taskStarted(let engine, let request, _):
            if let job = event.job, options.checkInvariants { laneStarted(job, engine: engine, request: request) }
        case .engine(let engine, .restarting(_, let count)):
            if let restartsMax = setup(engine).configuration.restart.restartsMax, count > restartsMax {
                violate("restart_count_over_policy", "\(engine) restart \(count) > \(restartsMax)")
            }
        default:
            break
        }
        deliverToClients(event)
    }

    private func laneStarted(_ job: TaskID, engine: EngineID, request: RequestID) {
        guard let pid = leaders[engine] else { return }
        let multiEngine = (inspect { $0.task(job)?.spec.engines.count } ?? 0) > 1
        let lane = LaneTracker.Lane(task: job, engine: multiEngine ? engine : nil)
        for earlier in lanes.started(request, lane: lane, engine: engine, pid: pid) {
            guard let live = lanes.live[earlier] else { continue }
            if case .running(let runningPid, _, _) = inspect({ $0.engineState(live.engine) }), runningPid == live.pid {
                violate("lane_running_twice_on_engines",
                        "\(book.alias(job)) started on \(engine) while \(earlier) still runs on \(live.engine)")
            }
        }
    }

    func violate(_ id: String, _ detail: String) {
        guard violations.count < options.violationsMax else { return }
        let violation = SimViolation(id, detail, atMs: nowMs)
        if !violations.contains(where: { $0.id == id && $0.detail == detail }) { violations.append(violation) }
    }

    func checkAfterStep() {
        let thorough = inputsHandled % UInt64(scenario.thoroughCheckEvery) == 0
        let (found, unfinished) = inspect { ($0.checkInvariants(thorough: thorough), $0.scheduler.unfinishedCount) }
        for violation in found { violate(violation.id, violation.detail) }
        if unfinished != book.unfinishedCount {
            violate("task_lost_by_sim", "coordinator has \(unfinished) unfinished tasks, "
                + "the simulator counts \(book.unfinishedCount)")
        }
    }

    /// Runs `body` on the coordinator in place: reading the struct through this class's property
    /// copies all of it (a retain per field) for every call, which the per-step checks felt.
    func inspect<Value>(_ body: (inout Coordinator) -> Value) -> Value { body(&coordinator) }

    /// Replay must be exactly the events after `lastSeen`, or `history.truncated` then all retained.
    package func checkReplay(_ replayed: [Event], subscription: Subscription) {
        if let job = subscription.job, coordinator.task(job) == nil { return }  // forgotten by retention
        let all = jobEvents[subscription.job] ?? []
        let after = subscription.lastSeen?.value ?? 0
        var expected = all.filter { $0.id.value > after }
        var actual = replayed
        if case .historyTruncated(let through)? = actual.first?.kind {
            actual.removeFirst()
            expected = expected.filter { $0.id > through }
            if through.value <= after { violate("replay_gap", "truncation through \(through) but \(after) was seen") }
        }
        if actual != expected {
            violate("replay_gap", "\(subscription.alias) after \(after): got \(actual.count) events, expected \(expected.count)")
        }
    }

    /// End-of-run checks: no task lost, no process left over in a dead engine's group.
    package func finishChecks() {
        guard options.checkInvariants else { return }
        for violation in coordinator.checkInvariants() { violate(violation.id, violation.detail) }
        for id in book.order where !book.finished.contains(id) {
            guard let task = coordinator.task(id), !task.state.isFinal else {
                violate("task_lost_by_sim", "\(book.alias(id)) has no final event and the coordinator lost it")
                continue
            }
        }
        for pid in processes.pids {
            let process = processes[pid]!
            guard process.alive, !process.isLeader, processes[process.group]?.alive == false else { continue }
            violate("process_leaked", "\(pid) of \(process.engine)'s group outlived its leader \(process.group)")
        }
    }
}
