/// Client commands.
extension Coordinator {
    mutating func client(_ command: ClientCommand, now: UInt64) -> [CoordinatorAction] {
        switch command {
        case .submit(let spec):
            for engine in spec.engines {
                if case .failed? = supervisors[engine]?.state {
                    return [.reply(.rejected(CoreError(.engineLost, "\(engine) has failed; restart it first")))]
                }
            }
            do {
                let (id, deduplicated, outputs) = try scheduler.submit(spec, now: now)
                return [.reply(.submitted(id, deduplicated: deduplicated))] + apply(outputs, now: now)
            } catch {
                return [.reply(.rejected(error))]
            }
        case .cancel(let id):
            do {
                let outputs = try scheduler.cancel(id, now: now)
                return [.reply(.cancelled(id))] + apply(outputs, now: now)
            } catch {
                return [.reply(.rejected(error))]
            }
        case .startEngine(let engine), .stopEngine(let engine), .restartEngine(let engine):
            guard supervisors.contains(engine) else {
                return [.reply(.rejected(CoreError(.unknownEngine, "\(engine)")))]
            }
            do {
                let outputs = try engineCommand(command, engine: engine, now: now)
                return [.reply(.engineCommandAccepted([engine]))] + apply(outputs, engine: engine, now: now)
            } catch {
                return [.reply(.rejected(error))]
            }
        case .startAllEngines, .stopAllEngines:
            var actions: [CoordinatorAction] = []
            var accepted: [EngineID] = []
            for engine in engineIDs {
                let single: ClientCommand = command == .startAllEngines ? .startEngine(engine) : .stopEngine(engine)
                do {
                    actions += apply(try engineCommand(single, engine: engine, now: now), engine: engine, now: now)
                    accepted.append(engine)
                } catch {
                    continue  // engine_state_conflict: this engine is already up; leave it alone
                }
            }
            return [.reply(.engineCommandAccepted(accepted))] + actions
        case .replay(let job, let after):
            return [.reply(.replay(job: job, events.replay(job: job, after: after)))]
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
