import Core
import Wire

/// Bytes arriving at the ends of pipes, and a process's own timers.
extension SimWorld {
    func stdinArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard let process = processes[pid], process.alive else { return }
        if process.frozenUntilMs > nowMs {
            if process.frozenUntilMs != .max { queue.schedule(.stdin(pid, bytes), atMs: process.frozenUntilMs) }
            return
        }
        run(pid) { engine, now in engine.stdin(bytes, now: now) } hosted: { engine, now in engine.stdin(bytes, now: now) }
    }

    func engineStep(_ pid: ProcessID, _ step: EngineStep) {
        guard let process = processes[pid], process.alive else { return }
        if process.frozenUntilMs > nowMs {
            if process.frozenUntilMs != .max { queue.schedule(.engineStep(pid, step), atMs: process.frozenUntilMs) }
            return
        }
        run(pid) { engine, now in engine.step(step, now: now) } hosted: { engine, now in engine.step(step, now: now) }
    }

    private func run(
        _ pid: ProcessID, scripted: (inout ScriptedEngine, UInt64) -> [EngineEffect],
        hosted: (inout HostedEngine, UInt64) -> [EngineEffect]
    ) {
        let effects: [EngineEffect]
        switch processes[pid]!.behaviour {
        case .scripted(var engine):
            effects = scripted(&engine, nowMs)
            processes[pid]!.behaviour = .scripted(engine)
        case .hosted(var engine):
            effects = hosted(&engine, nowMs)
            processes[pid]!.behaviour = .hosted(engine)
        case .child:
            effects = []
        }
        apply(effects, pid: pid)
    }

    /// stdout bytes reach the coordinator's side: the real framer and decoder, then `EngineCodec`.
    func stdoutArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard var process = processes[pid], !process.reaped else { return }
        if process.stdoutPipe.stalledUntilMs > nowMs {
            queue.schedule(.stdout(pid, bytes), atMs: process.stdoutPipe.stalledUntilMs)
            return
        }
        let inputs = process.stdoutDecoder.append(bytes)
        processes[pid]!.stdoutDecoder = process.stdoutDecoder
        for input in inputs {
            if case .engineMessage(_, .response(let request, _)) = input { lanes.ended(request) }
            deliver(input)
        }
    }

    func stderrArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard var process = processes[pid], !process.reaped else { return }
        let frames = process.stderrFramer.append(bytes)
        processes[pid]!.stderrFramer = process.stderrFramer
        for frame in frames {
            switch frame {
            case .line(let line): deliver(.engineStderr(process.engine, line: String(decoding: line, as: UTF8.self)))
            case .oversized(let count): deliver(.engineStderr(process.engine, line: "[\(count) bytes dropped]"))
            case .truncated: break
            }
        }
    }
}
