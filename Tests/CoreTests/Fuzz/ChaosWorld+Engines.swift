import Core
import Testing
import Wire

extension ChaosWorld {
    /// Records what the actions ask of the world, then lets signalled processes exit (after the
    /// whole list, so recorded events keep their emission order).
    mutating func absorb(_ actions: [CoordinatorAction]) {
        var exits: [(EngineID, ProcessID, TerminationStatus)] = []
        for action in actions {
            switch action {
            case .spawn(let engine, _): spawning.append(engine)
            case .checkDependencies(let engine, _): dependencyChecks.append(engine)
            case .installDependencies(let engine, _): dependencyInstalls.append(engine)
            case .send(let engine, let request):
                if case .cancel = request { continue }
                requests.append((engine, request))
            case .emit(let event): emitted[event.job, default: []].append(event)
            case .signal(let engine, let pid, let signal, _):
                if signal == .kill || chance(50) { exits.append((engine, pid, .signaled(signal: signal.number))) }
            default: break
            }
        }
        _ = harness.takeActions()
        for (engine, pid, status) in exits { exit(engine, pid: pid, status) }
    }

    /// Replay of every job from the start and from each emitted event: exactly the later emitted
    /// events, preceded by `history.truncated` when some were evicted.
    func checkReplays() {
        for (job, events) in emitted {
            let log = harness.coordinator.events
            for start in [-1] + Array(events.indices) {
                let replay = log.replay(job: job, after: start < 0 ? nil : events[start].id)
                let expected = Array(events[(start + 1)...])
                if case .historyTruncated? = replay.first?.kind {
                    #expect(Array(replay.dropFirst()) == Array(expected.suffix(replay.count - 1)))
                } else {
                    #expect(replay == expected, "job \(String(describing: job)) after \(start)")
                }
            }
        }
    }

    mutating func exit(_ engine: EngineID, pid: ProcessID, _ status: TerminationStatus) {
        guard pids[engine] == pid else { return }
        pids[engine] = nil
        requests.removeAll { $0.engine == engine }
        absorb(harness.send(.processExited(engine, pid: pid, status)))
    }

    mutating func crash() {
        guard let engine = pick(engines.filter { pids[$0] != nil }), let pid = pids[engine] else { return }
        let status = pick([TerminationStatus.signaled(signal: 11), .signaled(signal: 9), .exited(code: 1), .exited(code: 0)])!
        exit(engine, pid: pid, status)
    }

    /// Answers a pending spawn or dependency question.
    mutating func answerProcess(faults: Bool) {
        if let engine = dependencyChecks.first {
            dependencyChecks.removeFirst()
            absorb(harness.send(.dependenciesChecked(engine, missing: chance(50) ? ["model"] : [])))
        } else if let engine = dependencyInstalls.first {
            dependencyInstalls.removeFirst()
            absorb(harness.send(.dependenciesInstalled(engine, failure: faults && chance(20) ? "disk full" : nil)))
        } else if let engine = spawning.first {
            spawning.removeFirst()
            if faults && chance(10) {
                absorb(harness.send(.spawnFailed(engine, reason: "ENOENT")))
                return
            }
            nextPid += 1
            let pid = ProcessID(nextPid)
            if let old = pids[engine] { exit(engine, pid: old, .signaled(signal: 9)) }
            pids[engine] = pid
            absorb(harness.send(.processSpawned(engine, pid: pid)))
        }
    }

    /// Answers one outstanding request (well, or with faults: errors, garbage, loading).
    mutating func answerRequest(faults: Bool) {
        guard !requests.isEmpty else { return }
        let index = Int(random.below(UInt64(requests.count)))
        let (engine, request) = requests.remove(at: index)
        guard pids[engine] != nil, let id = request.id else { return }
        if faults && chance(10) {
            absorb(harness.send(.engineProtocolError(engine, code: -32700, detail: "garbage")))
            requests.append((engine, request))
            return
        }
        let reply: EngineReply
        switch request {
        case .initialize:
            reply = faults && chance(5) ? .failure(EngineErrorObject(code: -32004, message: "version"))
                : .success(Fixture.initializeResult(maxConcurrentRequests: Int(1 + random.below(3))))
        case .healthCheck:
            reply = .success(Fixture.health(faults ? pick(["ok", "ok", "loading", "error", "degraded"])! : "ok"))
        case .transcribe:
            if chance(30) {
                absorb(harness.send(.engineMessage(engine, .progress(id, fractionPermille: UInt32(random.below(1_001)), stage: ""))))
                absorb(harness.send(.engineMessage(engine, .draft(id, seq: 1, Fixture.segment(Int(random.below(3)), "d")))))
            }
            reply = faults && chance(20) ? .failure(EngineErrorObject(code: pick([-32010, -32020, -32030, -32000])!, message: "x"))
                : .success(Fixture.transcript())
        case .stop:
            reply = .success(.null)
        case .cancel:
            return
        }
        absorb(harness.send(.engineMessage(engine, .response(id, reply))))
        if case .stop = request, let pid = pids[engine] { exit(engine, pid: pid, .exited(code: 0)) }
    }
}
