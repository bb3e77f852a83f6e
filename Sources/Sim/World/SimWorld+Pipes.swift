import Core
import Wire

/// Bytes arriving at the ends of pipes, and a process's own timers.
extension SimWorld {
    func stdinArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard processes[pid]?.alive == true else { return }
        guard !holds(pid) else { return hold(pid, .stdin(bytes)) }
        run(pid) { engine, now in engine.stdin(bytes, now: now) } hosted: { engine, now in engine.stdin(bytes, now: now) }
    }

    func engineStep(_ pid: ProcessID, _ step: EngineStep) {
        guard processes[pid]?.alive == true else { return }
        guard !holds(pid) else { return hold(pid, .step(step)) }
        run(pid) { engine, now in engine.step(step, now: now) } hosted: { engine, now in engine.step(step, now: now) }
    }

    /// Whether the process must hold new input back: it is frozen, or earlier input is still held
    /// (so nothing overtakes it).
    private func holds(_ pid: ProcessID) -> Bool {
        processes[pid]!.frozenUntilMs > nowMs || !processes[pid]!.held.isEmpty
    }

    /// Most items a hung process or stalled pipe holds back (a runaway scenario past it).
    static let heldMax = 1_000_000

    private func hold(_ pid: ProcessID, _ item: SimProcess.Held) {
        precondition(processes[pid]!.held.count < Self.heldMax, "\(pid) holds over \(Self.heldMax) items")
        processes[pid]!.held.append(item)
        scheduleRelease(pid)
    }

    /// Schedules a `.release` when the process's hang or stall ends (none while hung for good).
    func scheduleRelease(_ pid: ProcessID) {
        var until = UInt64.max
        if processes[pid]!.alive, !processes[pid]!.held.isEmpty {
            until = min(until, max(nowMs, processes[pid]!.frozenUntilMs))
        }
        if !processes[pid]!.heldStdout.isEmpty { until = min(until, max(nowMs, processes[pid]!.stdoutPipe.stalledUntilMs)) }
        guard until != .max, until < processes[pid]!.releaseAtMs ?? .max else { return }
        processes[pid]!.releaseAtMs = until
        queue.schedule(.release(pid), atMs: until)
    }

    /// Runs held input and delivers held stdout whose hang or stall is over, in arrival order.
    func release(_ pid: ProcessID) {
        guard processes[pid] != nil else { return }
        if let due = processes[pid]!.releaseAtMs, due <= nowMs { processes[pid]!.releaseAtMs = nil }
        while processes[pid]!.alive, processes[pid]!.frozenUntilMs <= nowMs, !processes[pid]!.held.isEmpty {
            switch processes[pid]!.held.removeFirst() {
            case .stdin(let bytes):
                run(pid) { engine, now in engine.stdin(bytes, now: now) } hosted: { engine, now in engine.stdin(bytes, now: now) }
            case .step(let step):
                run(pid) { engine, now in engine.step(step, now: now) } hosted: { engine, now in engine.step(step, now: now) }
            }
        }
        if processes[pid]!.stdoutPipe.stalledUntilMs <= nowMs {
            let chunks = processes[pid]!.heldStdout
            processes[pid]!.heldStdout = []
            for chunk in chunks { decodeStdout(pid, chunk) }
        }
        if processes[pid]!.alive || !processes[pid]!.heldStdout.isEmpty { scheduleRelease(pid) }
    }

    private func run(
        _ pid: ProcessID, scripted: (inout ScriptedEngine, UInt64) -> [EngineEffect],
        hosted: (inout HostedEngine, UInt64) -> [EngineEffect]
    ) {
        let process = processes[pid]!
        let effects: [EngineEffect]
        switch process.kind {
        case .scripted: effects = scripted(&process.scripted!, nowMs)
        case .hosted: effects = hosted(&process.hosted!, nowMs)
        case .child: effects = []
        }
        apply(effects, pid: pid)
    }

    /// stdout bytes reach the coordinator's side: the real framer and decoder, then `EngineCodec`.
    func stdoutArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard processes[pid]?.reaped == false else { return }
        if processes[pid]!.stdoutPipe.stalledUntilMs > nowMs || !processes[pid]!.heldStdout.isEmpty {
            precondition(processes[pid]!.heldStdout.count < Self.heldMax, "\(pid) stdout holds over \(Self.heldMax) chunks")
            processes[pid]!.heldStdout.append(bytes)
            scheduleRelease(pid)
            return
        }
        decodeStdout(pid, bytes)
    }

    private func decodeStdout(_ pid: ProcessID, _ bytes: [UInt8]) {
        let inputs = processes[pid]!.stdoutDecoder.append(bytes)
        for input in inputs {
            if options.checkInvariants, case .engineMessage(_, .response(let request, _)) = input { lanes.ended(request) }
            deliver(input)
        }
    }

    func stderrArrived(_ pid: ProcessID, _ bytes: [UInt8]) {
        guard processes[pid]?.reaped == false else { return }
        let engine = processes[pid]!.engine
        var lines: [String] = []
        bytes.withUnsafeBytes { chunk in
            processes[pid]!.stderrFramer.append(chunk) { frame in
                switch frame {
                case .line(let line): lines.append(String(decoding: line, as: UTF8.self))
                case .oversized(let count): lines.append("[\(count) bytes dropped]")
                }
            }
        }
        for line in lines { deliver(.engineStderr(engine, line: line)) }
    }
}
