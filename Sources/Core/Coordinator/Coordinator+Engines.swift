/// Engine-side inputs and the translation of supervisor outputs.
extension Coordinator {
    mutating func engineInput(_ input: CoordinatorInput, now: UInt64) -> [CoordinatorAction] {
        switch input {
        case .dependenciesChecked(let engine, let missing):
            guard supervisors.contains(engine) else { return [] }
            return apply(supervisors[engine]!.dependenciesChecked(missing: missing, now: now, generator: &generator),
                         engine: engine, now: now)
        case .dependenciesInstalled(let engine, let failure):
            guard supervisors.contains(engine) else { return [] }
            return apply(supervisors[engine]!.dependenciesInstalled(failure: failure, now: now, generator: &generator),
                         engine: engine, now: now)
        case .processSpawned(let engine, let pid):
            guard supervisors.contains(engine) else { return [.signal(engine, pid: pid, .kill, processGroup: true)] }
            return apply(supervisors[engine]!.processSpawned(pid: pid, now: now, requestIDs: &requestIDs),
                         engine: engine, now: now)
        case .spawnFailed(let engine, let reason):
            guard supervisors.contains(engine) else { return [] }
            return apply(supervisors[engine]!.spawnFailed(reason: reason, now: now, generator: &generator),
                         engine: engine, now: now)
        case .processExited(let engine, let pid, let status):
            guard supervisors.contains(engine) else { return [] }
            let outputs = supervisors[engine]!.processExited(pid: pid, status: status, now: now, generator: &generator)
            return apply(outputs, engine: engine, now: now)
        case .engineMessage(let engine, let message):
            guard supervisors.contains(engine) else { return [] }
            return engineMessage(message, from: engine, now: now)
        case .engineStderr(let engine, let line):
            supervisors[engine]?.stderrLine(line)
            return []
        case .engineProtocolError(let engine, _, _):
            guard supervisors.contains(engine) else { return [] }
            return apply(supervisors[engine]!.protocolError(now: now), engine: engine, now: now)
        case .timerFired, .tick, .client:
            preconditionFailure("\(input) is not an engine input")
        }
    }

    private mutating func engineMessage(
        _ message: EngineMessage, from engine: EngineID, now: UInt64
    ) -> [CoordinatorAction] {
        supervisors[engine]!.messageReceived()
        switch message {
        case .response(let request, let reply):
            if let owner = scheduler.engine(of: request) {
                guard owner == engine else { return [] }  // not this engine's request: ignore it
                return apply(scheduler.reply(to: request, reply, now: now) ?? [], now: now)
            }
            let outputs = supervisors[engine]!.reply(to: request, reply, now: now, requestIDs: &requestIDs) ?? []
            return apply(outputs, engine: engine, now: now)
        case .errorWithoutID(let error):
            supervisors[engine]!.stderrLine("[rpc error \(error.code)] \(error.message)")
            return []
        case .heartbeat:
            return apply(supervisors[engine]!.heartbeat(now: now), engine: engine, now: now)
        case .progress(let request, let permille, _):
            guard scheduler.engine(of: request) == engine else { return [] }
            return apply(scheduler.progress(request, permille: permille, now: now), now: now)
        case .draft(let request, let seq, let segment):
            guard scheduler.engine(of: request) == engine else { return [] }
            return apply(scheduler.draft(request, seq: seq, segment: segment, now: now), now: now)
        }
    }

    /// Turns one supervisor's outputs into actions. Engine signals go to the coordinator-wide log, and
    /// crash/restart/failure signals also to the jobs whose requests the engine just lost.
    mutating func apply(_ outputs: [SupervisorOutput], engine: EngineID, now: UInt64) -> [CoordinatorAction] {
        var actions: [CoordinatorAction] = []
        for output in outputs {
            switch output {
            case .checkDependencies(let names): actions.append(.checkDependencies(engine, names))
            case .installDependencies(let names): actions.append(.installDependencies(engine, names))
            case .spawn(let spec): actions.append(.spawn(engine, spec))
            case .send(let request): actions.append(.send(engine, request))
            case .signal(let pid, let signal): actions.append(.signal(engine, pid: pid, signal, processGroup: true))
            case .armTimer(let timer, let atMs): actions.append(arm(.engine(engine, timer), atMs: atMs))
            case .cancelTimer(let timer): actions += cancel(.engine(engine, timer))
            case .event(let signal):
                actions += engineEvent(signal, engine: engine, now: now)
            case .workLost(let countsAttempt, let reason):
                jobsLostByEngine[engine] = jobsRunning(on: engine)
                let lost = scheduler.engineLost(engine, countsAttempt: countsAttempt, reason: reason, now: now)
                actions += apply(lost, now: now)
            }
        }
        let position = supervisors.index.position(of: engine)!
        slots[position] = Self.slot(supervisors[position: position])
        return actions
    }

    private mutating func engineEvent(
        _ signal: EngineSignal, engine: EngineID, now: UInt64
    ) -> [CoordinatorAction] {
        var actions: [CoordinatorAction] = [.emit(events.append(job: nil, kind: .engine(engine, signal), now: now))]
        switch signal {
        case .crashed, .restarting, .failed, .stopping:
            for job in jobsLostByEngine[engine] ?? [] where !events.isFinished(job: job) && scheduler.task(job) != nil {
                actions.append(.emit(events.append(job: job, kind: .engine(engine, signal), now: now)))
            }
        case .ready, .stopped:
            jobsLostByEngine[engine] = nil
        default:
            break
        }
        if case .failed = signal { actions += apply(scheduler.failLanesPinned(to: engine, now: now), now: now) }
        return actions
    }

    /// Tasks with a lane running on `engine`, in id order.
    private func jobsRunning(on engine: EngineID) -> [TaskID] {
        var jobs: [TaskID] = []
        for request in scheduler.running.keys.sorted() where scheduler.runningEngine(request) == engine {
            let job = scheduler.running[request]!.task
            if !jobs.contains(job) { jobs.append(job) }
        }
        return jobs
    }
}
