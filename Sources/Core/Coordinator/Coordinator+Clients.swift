/// Client commands. Each appends its reply before the actions the command causes.
extension Coordinator {
    mutating func client(_ command: ClientCommand, now: UInt64) {
        switch command {
        case .submit(let spec):
            for engine in spec.engines {
                if case .failed? = supervisors[engine]?.state {
                    sink.actions.append(.reply(.rejected(CoreError(.engineLost, "\(engine) has failed; restart it first"))))
                    return
                }
            }
            // The scheduler appends its outputs as it goes; the reply goes in front of them.
            let replyAt = sink.actions.count
            do {
                let (id, deduplicated) = try scheduler.submit(spec, now: now, into: &sink)
                sink.actions.insert(.reply(.submitted(id, deduplicated: deduplicated)), at: replyAt)
            } catch {
                sink.actions.append(.reply(.rejected(error)))
            }
        case .cancel(let id):
            let replyAt = sink.actions.count
            do {
                try scheduler.cancel(id, now: now, into: &sink)
                sink.actions.insert(.reply(.cancelled(id)), at: replyAt)
            } catch {
                sink.actions.append(.reply(.rejected(error)))
            }
        case .startEngine(let engine), .stopEngine(let engine), .restartEngine(let engine):
            guard supervisors.contains(engine) else {
                sink.actions.append(.reply(.rejected(CoreError(.unknownEngine, "\(engine)"))))
                return
            }
            do {
                var outputs = supervisorBuffer()
                try engineCommand(command, engine: engine, now: now, into: &outputs)
                sink.actions.append(.reply(.engineCommandAccepted([engine])))
                apply(&outputs, engine: engine, now: now)
            } catch {
                sink.actions.append(.reply(.rejected(error)))
            }
        case .probeEngine(let engine):
            probe(engine, now: now)
        case .startAllEngines, .stopAllEngines:
            let replyAt = sink.actions.count
            var accepted: [EngineID] = []
            for engine in engineIDs {
                let single: ClientCommand = command == .startAllEngines ? .startEngine(engine) : .stopEngine(engine)
                do {
                    var outputs = supervisorBuffer()
                    try engineCommand(single, engine: engine, now: now, into: &outputs)
                    apply(&outputs, engine: engine, now: now)
                    accepted.append(engine)
                } catch {
                    continue  // engine_state_conflict: this engine is already up; leave it alone
                }
            }
            sink.actions.insert(.reply(.engineCommandAccepted(accepted)), at: replyAt)
        case .replay(let job, let after):
            sink.actions.append(.reply(.replay(job: job, sink.events.replay(job: job, after: after))))
        }
    }

    private mutating func probe(_ engine: EngineID, now: UInt64) {
        guard let at = supervisors.index.position(of: engine) else {
            sink.actions.append(.reply(.rejected(CoreError(.unknownEngine, "\(engine)"))))
            return
        }
        do {
            var outputs = supervisorBuffer()
            let outstanding = try supervisors.all[at].probeNow(now: now, requestIDs: &requestIDs, into: &outputs)
            sink.actions.append(.reply(.probing(engine, alreadyOutstanding: outstanding)))
            apply(&outputs, engine: engine, now: now)
        } catch {
            sink.actions.append(.reply(.rejected(error)))
        }
    }

    /// Nothing is appended when it throws.
    private mutating func engineCommand(
        _ command: ClientCommand, engine: EngineID, now: UInt64, into outputs: inout [SupervisorOutput]
    ) throws(CoreError) {
        let at = supervisors.index.position(of: engine)!
        switch command {
        case .startEngine: try supervisors.all[at].start(now: now, into: &outputs)
        case .stopEngine: supervisors.all[at].stop(now: now, requestIDs: &requestIDs, into: &outputs)
        case .restartEngine: supervisors.all[at].restart(now: now, requestIDs: &requestIDs, into: &outputs)
        default: preconditionFailure("\(command) is not an engine command")
        }
    }
}
