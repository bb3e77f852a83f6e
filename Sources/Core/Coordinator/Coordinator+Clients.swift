/// Client commands.
extension Coordinator {
    mutating func client(_ command: ClientCommand, now: UInt64, into actions: inout [CoordinatorAction]) {
        switch command {
        case .submit(let spec):
            for engine in spec.engines {
                if case .failed? = supervisors[engine]?.state {
                    actions.append(.reply(.rejected(CoreError(.engineLost, "\(engine) has failed; restart it first"))))
                    return
                }
            }
            do {
                let (id, deduplicated, outputs) = try scheduler.submit(spec, now: now)
                actions.append(.reply(.submitted(id, deduplicated: deduplicated)))
                apply(outputs, now: now, into: &actions)
            } catch {
                actions.append(.reply(.rejected(error)))
            }
        case .cancel(let id):
            do {
                let outputs = try scheduler.cancel(id, now: now)
                actions.append(.reply(.cancelled(id)))
                apply(outputs, now: now, into: &actions)
            } catch {
                actions.append(.reply(.rejected(error)))
            }
        case .startEngine(let engine), .stopEngine(let engine), .restartEngine(let engine):
            guard supervisors.contains(engine) else {
                actions.append(.reply(.rejected(CoreError(.unknownEngine, "\(engine)"))))
                return
            }
            do {
                let outputs = try engineCommand(command, engine: engine, now: now)
                actions.append(.reply(.engineCommandAccepted([engine])))
                apply(outputs, engine: engine, now: now, into: &actions)
            } catch {
                actions.append(.reply(.rejected(error)))
            }
        case .probeEngine(let engine):
            probe(engine, now: now, into: &actions)
        case .startAllEngines, .stopAllEngines:
            var engineActions: [CoordinatorAction] = []
            var accepted: [EngineID] = []
            for engine in engineIDs {
                let single: ClientCommand = command == .startAllEngines ? .startEngine(engine) : .stopEngine(engine)
                do {
                    apply(try engineCommand(single, engine: engine, now: now), engine: engine, now: now,
                          into: &engineActions)
                    accepted.append(engine)
                } catch {
                    continue  // engine_state_conflict: this engine is already up; leave it alone
                }
            }
            actions.append(.reply(.engineCommandAccepted(accepted)))
            actions += engineActions
        case .replay(let job, let after):
            actions.append(.reply(.replay(job: job, events.replay(job: job, after: after))))
        }
    }

    private mutating func probe(_ engine: EngineID, now: UInt64, into actions: inout [CoordinatorAction]) {
        guard supervisors.contains(engine) else {
            actions.append(.reply(.rejected(CoreError(.unknownEngine, "\(engine)"))))
            return
        }
        do {
            let (outstanding, outputs) = try supervisors[engine]!.probeNow(now: now, requestIDs: &requestIDs)
            actions.append(.reply(.probing(engine, alreadyOutstanding: outstanding)))
            apply(outputs, engine: engine, now: now, into: &actions)
        } catch {
            actions.append(.reply(.rejected(error)))
        }
    }

    private mutating func engineCommand(
        _ command: ClientCommand, engine: EngineID, now: UInt64
    ) throws(CoreError) -> [SupervisorOutput] {
        switch command {
        case .startEngine: try supervisors[engine]!.start(now: now)
        case .stopEngine: supervisors[engine]!.stop(now: now, requestIDs: &requestIDs)
        case .restartEngine: supervisors[engine]!.restart(now: now, requestIDs: &requestIDs)
        default: preconditionFailure("\(command) is not an engine command")
        }
    }
}
