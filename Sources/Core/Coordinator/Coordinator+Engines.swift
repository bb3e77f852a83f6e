/// Engine-side inputs and the translation of supervisor outputs.
extension Coordinator {
    mutating func engineInput(_ input: CoordinatorInput, now: UInt64) {
        switch input {
        case .dependenciesChecked(let engine, let missing):
            guard let at = supervisors.index.position(of: engine) else { return }
            var outputs = supervisorBuffer()
            supervisors.all[at].dependenciesChecked(missing: missing, now: now, generator: &generator, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .dependenciesInstalled(let engine, let failure):
            guard let at = supervisors.index.position(of: engine) else { return }
            var outputs = supervisorBuffer()
            supervisors.all[at].dependenciesInstalled(failure: failure, now: now, generator: &generator, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .processSpawned(let engine, let pid):
            guard let at = supervisors.index.position(of: engine) else {
                sink.actions.append(.signal(engine, pid: pid, .kill, processGroup: true))
                return
            }
            var outputs = supervisorBuffer()
            supervisors.all[at].processSpawned(pid: pid, now: now, requestIDs: &requestIDs, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .spawnFailed(let engine, let reason):
            guard let at = supervisors.index.position(of: engine) else { return }
            var outputs = supervisorBuffer()
            supervisors.all[at].spawnFailed(reason: reason, now: now, generator: &generator, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .processExited(let engine, let pid, let status):
            guard let at = supervisors.index.position(of: engine) else { return }
            var outputs = supervisorBuffer()
            supervisors.all[at].processExited(pid: pid, status: status, now: now, generator: &generator, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .engineMessage(let engine, let message):
            guard let at = supervisors.index.position(of: engine) else { return }
            engineMessage(message, from: engine, at: at, now: now)
        case .engineStderr(let engine, let line):
            guard let at = supervisors.index.position(of: engine) else { return }
            supervisors.all[at].stderrLine(line)
        case .engineProtocolError(let engine, _, _):
            guard let at = supervisors.index.position(of: engine) else { return }
            var outputs = supervisorBuffer()
            supervisors.all[at].protocolError(now: now, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .timerFired, .tick, .client:
            preconditionFailure("\(input) is not an engine input")
        }
    }

    private mutating func engineMessage(
        _ message: EngineMessage, from engine: EngineID, at: Int, now: UInt64
    ) {
        supervisors.all[at].messageReceived()
        switch message {
        case .response(let request, let reply):
            if let owner = scheduler.engine(of: request) {
                guard owner == engine else { return }  // not this engine's request: ignore it
                _ = scheduler.reply(to: request, reply, now: now, into: &sink)
                return
            }
            var outputs = supervisorBuffer()
            _ = supervisors.all[at].reply(to: request, reply, now: now, requestIDs: &requestIDs, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .errorWithoutID(let error):
            supervisors.all[at].stderrLine("[rpc error \(error.code)] \(error.message)")
        case .heartbeat:
            var outputs = supervisorBuffer()
            supervisors.all[at].heartbeat(now: now, into: &outputs)
            apply(&outputs, engine: engine, now: now)
        case .progress(let request, let permille, _):
            guard scheduler.engine(of: request) == engine else { return }
            scheduler.progress(request, permille: permille, now: now, into: &sink)
        case .draft(let request, let seq, let segment):
            guard scheduler.engine(of: request) == engine else { return }
            scheduler.draft(request, seq: seq, segment: segment, now: now, into: &sink)
        }
    }

    /// Turns one supervisor's outputs into actions (appended to the sink). Engine signals go to the
    /// coordinator-wide log, and crash/restart/failure signals also to the jobs whose requests the
    /// engine just lost.
    mutating func apply(
        _ outputs: inout [SupervisorOutput], engine: EngineID, now: UInt64
    ) {
        let position = supervisors.index.position(of: engine)!
        for index in outputs.indices {
            // Moved out (a trivial placeholder swapped in), not copied and later destroyed.
            var output = SupervisorOutput.cancelTimer(.stage)
            swap(&output, &outputs[index])
            switch consume output {
            case .checkDependencies(let names): sink.actions.append(.checkDependencies(engine, names))
            case .installDependencies(let names): sink.actions.append(.installDependencies(engine, names))
            case .spawn(let spec): sink.actions.append(.spawn(engine, spec))
            case .send(let request): sink.actions.append(.send(engine, request))
            case .signal(let pid, let signal): sink.actions.append(.signal(engine, pid: pid, signal, processGroup: true))
            case .armTimer(let timer, let atMs): sink.arm(.engine(engine, timer), atMs: atMs)
            case .cancelTimer(let timer): sink.cancel(.engine(engine, timer))
            case .event(let signal): engineEvent(signal, engine: engine, position: position, now: now)
            case .workLost(let countsAttempt, let reason):
                jobsLostByEngine[position] = jobsRunning(on: engine)
                scheduler.engineLost(engine, countsAttempt: countsAttempt, reason: reason, now: now, into: &sink)
            }
        }
        slots[position] = Self.slot(supervisors.all[position])
        outputs.removeAll(keepingCapacity: true)
        swap(&outputs, &supervisorOutputs)  // emptied: its storage serves the next step
    }

    /// An empty output buffer for one supervisor step (reused storage; `apply` empties it and hands
    /// it back).
    mutating func supervisorBuffer() -> [SupervisorOutput] {
        var buffer: [SupervisorOutput] = []
        swap(&buffer, &supervisorOutputs)
        return buffer
    }

    private mutating func engineEvent(
        _ signal: EngineSignal, engine: EngineID, position: Int, now: UInt64
    ) {
        sink.emit(job: nil, .engine(engine, signal))
        switch signal {
        case .crashed, .restarting, .failed, .stopping:
            for job in jobsLostByEngine[position] where !sink.events.isFinished(job: job) && scheduler.tasks.contains(job) {
                sink.emit(job: job, .engine(engine, signal))
            }
        case .ready, .stopped:
            jobsLostByEngine[position] = []
        default:
            break
        }
        if case .failed = signal { scheduler.failLanesPinned(to: engine, now: now, into: &sink) }
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
