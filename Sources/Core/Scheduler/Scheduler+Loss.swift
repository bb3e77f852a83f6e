/// Engine loss (request-level supervision) and scheduler timers.
extension Scheduler {
    /// The engine's process is going or gone. Each running lane on it is re-queued, counting a failed
    /// attempt when `countsAttempt`; a lane reaching `attemptsMax` is quarantined as a poison request
    /// with every reason. Orphans on the engine are released.
    package mutating func engineLost(
        _ engine: EngineID, countsAttempt: Bool, reason: String, now: UInt64, into outputs: inout some SchedulerSink
    ) {
        for request in running.sortedKeys where runningEngine(request) == engine {
            let reference = running.removeValue(forKey: request)!
            release(engine, cost: tasks[reference.task]!.spec.cost)
            outputs.append(.cancelTimer(.requestTimeout(request)))
            let attemptsMax = configuration.attemptsMax
            let lane = tasks.updateLane(reference) { lane in
                if countsAttempt {
                    lane.attemptsFailed += 1
                    lane.failureReasons.append(reason)
                    if lane.failureReasons.count > Int(attemptsMax) { lane.failureReasons.removeFirst() }
                }
                return lane
            }
            if countsAttempt && lane.attemptsFailed >= configuration.attemptsMax {
                let reasons = lane.failureReasons
                outputs.append(.event(reference.task, .taskQuarantined(engine: engine, reasons: reasons)))
                let error = CoreError(.quarantined, reasons.joined(separator: "; "))
                laneEnded(reference, .failed(error), now: now, into: &outputs)
            } else {
                enqueue(reference, now: now)
                outputs.append(.event(reference.task, .taskRequeued(
                    engine: engine, attemptsFailed: lane.attemptsFailed, reason: reason)))
            }
        }
        for request in orphans.sortedKeys where orphans[request]!.engine == engine {
            let orphan = orphans.removeValue(forKey: request)!
            release(engine, cost: orphan.cost)
            outputs.append(.cancelTimer(.cancelGrace(request)))
        }
    }

    func runningEngine(_ request: RequestID) -> EngineID? {
        guard let reference = running[request],
            case .running(let engine, _, _) = tasks[reference.task]!.lanes[reference.lane].state
        else { return nil }
        return engine
    }

    /// The engine gave up for good (Failed): lanes that can only run there fail with `engine_lost`.
    package mutating func failLanesPinned(to engine: EngineID, now: UInt64, into outputs: inout some SchedulerSink) {
        for id in tasks.all.map(\.id) where tasks[id]!.outcome == nil {
            for index in tasks[id]!.lanes.indices where tasks[id]?.outcome == nil {
                let lane = tasks[id]!.lanes[index]
                guard lane.engine == engine, lane.state == .queued || lane.state == .waiting else { continue }
                let error = CoreError(.engineLost, "\(engine) failed")
                laneEnded(LaneReference(task: id, lane: index), .failed(error), now: now, into: &outputs)
            }
        }
    }

    /// Routes a scheduler timer; timers for things already gone do nothing.
    package mutating func timerFired(_ timer: TimerID, now: UInt64, into outputs: inout some SchedulerSink) {
        switch timer {
        case .requestTimeout(let request):
            guard let reference = running[request], let engine = runningEngine(request) else { return }
            let cost = tasks[reference.task]!.spec.cost
            // The timeout just fired: no `cancelTimer` for it.
            orphan(request, engine: engine, cost: cost, now: now, cancelsTimeout: false, into: &outputs)
            let error = CoreError(.requestTimeout, "\(engine) \(request)")
            laneEnded(reference, .failed(error), now: now, into: &outputs)
        case .cancelGrace(let request):
            guard let orphan = orphans.removeValue(forKey: request) else { return }
            release(orphan.engine, cost: orphan.cost)
        case .taskDeadline(let id):
            guard tasks[id]?.outcome == nil else { return }
            finish(id, outcome: .failed(CoreError(.deadlineExceeded, "\(id)")), now: now, into: &outputs)
        case .engine:
            return
        }
    }
}
