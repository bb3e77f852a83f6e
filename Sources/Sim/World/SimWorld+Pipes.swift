import Core
import Wire

/// Bytes arriving at the ends of pipes, and a process's own timers.
extension SimWorld {
    func stdinArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard processes[pid]?.alive == true else { return }
        let frozenUntilMs = processes[pid]!.frozenUntilMs
        if frozenUntilMs > nowMs {
            if frozenUntilMs != .max { queue.schedule(.stdin(pid, bytes), atMs: frozenUntilMs) }
            return
        }
        run(pid) { engine, now in engine.stdin(bytes, now: now) } hosted: { engine, now in engine.stdin(bytes, now: now) }
    }

    func engineStep(_ pid: ProcessID, _ step: EngineStep) {
        guard processes[pid]?.alive == true else { return }
        let frozenUntilMs = processes[pid]!.frozenUntilMs
        if frozenUntilMs > nowMs {
            if frozenUntilMs != .max { queue.schedule(.engineStep(pid, step), atMs: frozenUntilMs) }
            return
        }
        run(pid) { engine, now in engine.step(step, now: now) } hosted: { engine, now in engine.step(step, now: now) }
    }

    private func run(
        _ pid: ProcessID, scripted: (inout ScriptedEngine, UInt64) -> [EngineEffect],
        hosted: (inout HostedEngine, UInt64) -> [EngineEffect]
    ) {
        let effects: [EngineEffect]
        switch takeBehaviour(pid) {
        case .scripted(var engine):
            effects = scripted(&engine, nowMs)
            processes[pid]!.behaviour = .scripted(engine)
        case .hosted(var engine):
            effects = hosted(&engine, nowMs)
            processes[pid]!.behaviour = .hosted(engine)
        case .child(let ignores):
            processes[pid]!.behaviour = .child(ignoresTerminate: ignores)
            effects = []
        }
        apply(effects, pid: pid)
    }

    /// Moves a process's behaviour out (leaving a placeholder), so mutating it copies nothing.
    func takeBehaviour(_ pid: ProcessID) -> SimProcess.Behaviour {
        let behaviour = processes[pid]!.behaviour
        processes[pid]!.behaviour = .child(ignoresTerminate: false)
        return behaviour
    }

    /// stdout bytes reach the coordinator's side: the real framer and decoder, then `EngineCodec`.
    func stdoutArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard processes[pid]?.reaped == false else { return }
        let stalledUntilMs = processes[pid]!.stdoutPipe.stalledUntilMs
        if stalledUntilMs > nowMs {
            queue.schedule(.stdout(pid, bytes), atMs: stalledUntilMs)
            return
        }
        let inputs = processes[pid]!.stdoutDecoder.append(bytes)
        for input in inputs {
            if case .engineMessage(_, .response(let request, _)) = input { lanes.ended(request) }
            deliver(input)
        }
    }

    func stderrArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard processes[pid]?.reaped == false else { return }
        let engine = processes[pid]!.engine
        let frames = processes[pid]!.stderrFramer.append(bytes)
        for frame in frames {
            switch frame {
            case .line(let line): deliver(.engineStderr(engine, line: String(decoding: line, as: UTF8.self)))
            case .oversized(let count): deliver(.engineStderr(engine, line: "[\(count) bytes dropped]"))
            case .truncated: break
            }
        }
    }
}
