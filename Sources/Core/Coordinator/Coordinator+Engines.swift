/// Engine-side inputs and the translation of supervisor outputs.
extension Coordinator {
    mutating func engineInput(_ input: CoordinatorInput, now: UInt64, into actions: inout [CoordinatorAction]) {
        switch input {
        case .dependenciesChecked(let engine, let missing):
            guard supervisors.contains(engine) else { return }
            apply(supervisors[engine]!.dependenciesChecked(missing: missing, now: now, generator: &generator),
                  engine: engine, now: now, into: &actions)
        case .dependenciesInstalled(let engine, let failure):
            guard supervisors.contains(engine) else { return }
            apply(supervisors[engine]!.dependenciesInstalled(failure: failure, now: now, generator: &generator),
                  engine: engine, now: now, into: &actions)
        case .processSpawned(let engine, let pid):
            guard supervisors.contains(engine) else {
                actions.append(.signal(engine, pid: pid, .kill, processGroup: true))
                return
            }
            apply(supervisors[engine]!.processSpawned(pid: pid, now: now, requestIDs: &requestIDs),
                  engine: engine, now: now, into: &actions)
        case .spawnFailed(let engine, let reason):
            guard supervisors.contains(engine) else { return }
            apply(supervisors[engine]!.spawnFailed(reason: reason, now: now, generator: &generator),
                  engine: engine, now: now, into: &actions)
        case .processExited(let engine, let pid, let status):
            guard supervisors.contains(engine) else { return }
            let outputs = supervisors[engine]!.processExited(pid: pid, status: status, now: now, generator: &generator)
            apply(outputs, engine: engine, now: now, into: &actions)
        case .engineMessage(let engine, let message):
            guard supervisors.contains(engine) else { return }
            engineMessage(message, from: engine, now: now, into: &actions)
        case .engineStderr(let engine, let line):
            supervisors[engine]?.stderrLine(line)
        case .engineProtocolError(let engine, _, _):
            guard supervisors.contains(engine) else { return }
            apply(supervisors[engine]!.protocolError(now: now), engine: engine, now: now, into: &actions)
        case .timerFired, .tick, .client:
            preconditionFailure("\(input) is not an engine input")
        }
    }

    private mutating func engineMessage(
        _ message: EngineMessage, from engine: EngineID, now: UInt64, into actions: inout [CoordinatorAction]
    ) {
        supervisors[engine]!.messageReceived()
        switch message {
        case .response(let request, let reply):
            if let owner = scheduler.engine(of: request) {
                guard owner == engine else { return }  // not this engine's request: ignore it
                apply(scheduler.reply(to: request, reply, now: now) ?? [], now: now, into: &actions)
                return
            }
            let outputs = supervisors[engine]!.reply(to: request, reply, now: now, requestIDs: &requestIDs) ?? []
            apply(outputs, engine: engine, now: now, into: &actions)
        case .errorWithoutID(let error):
            supervisors[engine]!.stderrLine("[rpc error \(error.code)] \(error.message)")
        case .heartbeat:
            apply(supervisors[engine]!.heartbeat(now: now), engine: engine, now: now, into: &actions)
        case .progress(let request, let permille, _):
            guard scheduler.engine(of: request) == engine else { return }
            apply(scheduler.progress(request, permille: permille, now: now), now: now, into: &actions)
        case .draft(let request, let seq, let segment):
            guard scheduler.engine(of: request) == engine else { return }
            apply(scheduler.draft(request, seq: seq, segment: segment, now: now), now: now, into: &actions)
        }
    }

    /// Turns one supervisor's outputs into actions (appended to `actions`). Engine signals go to the
    /// coordinator-wide log, and crash/restart/failure signals also to the jobs whose requests the
    /// engine just lost.
    mutating func apply(
        _ outputs: [SupervisorOutput], engine: EngineID, now: UInt64, into actions: inout [CoordinatorAction]
    ) {
        for output in outputs {
            switch output {
            case .checkDependencies(let names): actions.append(.checkDependencies(engine, names))
            case .installDependencies(let names): actions.append(.installDependencies(engine, names))
            case .spawn(let spec): actions.append(.spawn(engine, spec))
            case .send(let request): actions.append(.send(engine, request))
            case .signal(let pid, let signal): actions.append(.signal(engine, pid: pid, signal, processGroup: true))
            case .armTimer(let timer, let atMs): actions.append(arm(.engine(engine, timer), atMs: atMs))
            case .cancelTimer(let timer): cancel(.engine(engine, timer), into: &actions)
            case .event(let signal): engineEvent(signal, engine: engine, now: now, into: &actions)
            case .workLost(let countsAttempt, let reason):
                jobsLostByEngine[engine] = jobsRunning(on: engine)
                let lost = scheduler.engineLost(engine, countsAttempt: countsAttempt, reason: reason, now: now)
                apply(lost, now: now, into: &actions)
            }
        }
        let position = supervisors.index.position(of: engine)!
        slots[position] = Self.slot(supervisors[position: position])
    }

    private mutating func engineEvent(
        _ signal: EngineSignal, engine: EngineID, now: UInt64, into actions: inout [CoordinatorAction]
    ) {
        actions.append(.emit(events.append(job: nil, kind: .engine(engine, signal), now: now)))
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
        if case .failed = signal { apply(scheduler.failLanesPinned(to: engine, now: now), now: now, into: &actions) }
    }

    /// Tasks with a lane running on `engine`, in id order.
    private func jobsRunning(on engine: EngineID) -> [TaskID] {
        var jobs: [TaskID] = []
        for request in scheduler.running.sortedKeys where scheduler.runningEngine(request) == engine {
            let job = scheduler.running[request]!.task
            if !jobs.contains(job) { jobs.append(job) }
        }
        return jobs
    }
}
