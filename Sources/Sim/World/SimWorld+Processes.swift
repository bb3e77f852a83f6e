import Core
import Wire

/// Simulated processes: spawn, pipes (chunked under the seed), signals, exits.
extension SimWorld {
    enum Stream { case stdin, stdout, stderr }

    func spawn(_ engine: EngineID) {
        let setup = setup(engine)
        let life = spawnCounts[engine, default: 0]
        spawnCounts[engine] = life + 1
        let script = setup.script.life(life)
        if setup.kind == .scripted && script.spawnFails {
            schedule(.input(.spawnFailed(engine, reason: "scripted spawn failure")))
            return
        }
        let pid = allocatePid()
        let maxLineBytes = setup.configuration.initialize.maxMessageBytes ?? LineFramer.maxLineBytesDefault
        let behaviour: SimProcess.Behaviour
        switch setup.kind {
        case .scripted: behaviour = .scripted(ScriptedEngine(script: script, now: nowMs))
        case .reference: behaviour = .hosted(HostedEngine(setup: setup, life: life, files: files, now: nowMs))
        }
        processes[pid] = SimProcess(pid: pid, engine: engine, group: pid, behaviour: behaviour, maxLineBytes: maxLineBytes)
        leaders[engine] = pid
        schedule(.input(.processSpawned(engine, pid: pid)))
        for _ in 0..<(setup.kind == .scripted ? script.children : 0) {
            let child = allocatePid()
            processes[child] = SimProcess(
                pid: child, engine: engine, group: pid, behaviour: .child(ignoresTerminate: script.ignoresTerminate),
                maxLineBytes: maxLineBytes)
        }
        let process = processes[pid]!
        let effects: [EngineEffect]
        switch process.kind {
        case .scripted: effects = process.scripted!.start(now: nowMs)
        case .hosted: effects = process.hosted!.start(now: nowMs)
        case .child: effects = []
        }
        apply(effects, pid: pid)
    }

    private func allocatePid() -> ProcessID {
        nextPid += 1
        return ProcessID(nextPid)
    }

    /// Carries out a process's effects.
    func apply(_ effects: [EngineEffect], pid: ProcessID) {
        for effect in effects {
            guard processes[pid]?.alive == true else { return }
            switch effect {
            case .stdout(let bytes): writePipe(pid, bytes, stream: .stdout)
            case .stderr(let line): writePipe(pid, Array(line.utf8) + [0x0A], stream: .stderr)
            case .after(let delay, let step): schedule(.engineStep(pid, step), afterMs: delay)
            case .exit(let status): exit(pid, status)
            }
        }
    }

    /// Writes to a pipe: 1–4 chunks at seeded split points, each delivered in order, 0–1 ms apart.
    func writePipe(_ pid: ProcessID, _ bytes: [UInt8], stream: Stream) {
        guard !bytes.isEmpty else { return }
        var pipe: OutputPipe
        switch stream {
        case .stdin: pipe = processes[pid]!.stdinPipe
        case .stdout: pipe = processes[pid]!.stdoutPipe
        case .stderr: pipe = processes[pid]!.stderrPipe
        }
        var start = 0
        let pieces = scenario.chunking ? 1 + Int(generator.below(4)) : 1
        for piece in 0..<pieces {
            let remaining = bytes.count - start
            guard remaining > 0 else { break }
            let length = piece == pieces - 1 ? remaining : 1 + Int(generator.below(UInt64(remaining)))
            let chunk = length == bytes.count ? bytes : Array(bytes[start..<(start + length)])
            start += length
            let jitter = scenario.chunking ? generator.below(UInt64(2)) : 0
            let atMs = max(nowMs + jitter, pipe.lastMs)
            pipe.lastMs = atMs
            switch stream {
            case .stdin: queue.schedule(.stdin(pid, chunk), atMs: atMs)
            case .stdout: queue.schedule(.stdout(pid, chunk), atMs: atMs)
            case .stderr: queue.schedule(.stderr(pid, chunk), atMs: atMs)
            }
        }
        switch stream {
        case .stdin: processes[pid]!.stdinPipe = pipe
        case .stdout: processes[pid]!.stdoutPipe = pipe
        case .stderr: processes[pid]!.stderrPipe = pipe
        }
    }

    /// Ends a process now; its exit is reported once its pipes have drained. Like the runtime's reaper,
    /// the driver SIGKILLs what is left of a leader's group before reporting the leader's exit.
    func exit(_ pid: ProcessID, _ status: TerminationStatus) {
        guard processes[pid]?.alive == true else { return }
        processes[pid]!.alive = false
        processes[pid]!.exitStatus = status
        processes[pid]!.held = []  // a dead process runs nothing it held back
        guard processes[pid]!.isLeader else { return }
        for member in processes.members(of: pid) where member != pid {
            exit(member, .signaled(signal: ProcessSignal.kill.number))
        }
        let drainedMs = max(nowMs, max(processes[pid]!.stdoutPipe.lastMs, processes[pid]!.stderrPipe.lastMs))
        queue.schedule(.reap(pid, status), atMs: drainedMs)
    }

    func signal(_ target: ProcessID, _ signal: ProcessSignal, group: Bool) {
        guard processes[target]?.reaped == false else { return }  // the runtime sends nothing once reaped
        var pids = [target]
        if group { pids = processes.members(of: target) }
        for pid in pids where processes[pid]?.alive == true {
            guard signal != .kill else {
                exit(pid, .signaled(signal: ProcessSignal.kill.number))
                continue
            }
            let process = processes[pid]!
            switch process.kind {
            case .scripted: apply(process.scripted!.signal(signal), pid: pid)
            case .hosted: apply(process.hosted!.signal(signal, now: nowMs), pid: pid)
            case .child(let ignores): if !ignores { exit(pid, .signaled(signal: signal.number)) }
            }
        }
    }

    func reap(_ pid: ProcessID, _ status: TerminationStatus) {
        guard processes[pid]?.reaped == false else { return }
        let stalledUntilMs = processes[pid]!.stdoutPipe.stalledUntilMs
        if stalledUntilMs > nowMs {  // stdout EOF comes after the stall
            queue.schedule(.reap(pid, status), atMs: stalledUntilMs)
            return
        }
        if !processes[pid]!.heldStdout.isEmpty { release(pid) }
        let process = processes[pid]!
        process.reaped = true
        let tail = process.stdoutDecoder.finish()
        if leaders[process.engine] == pid { leaders[process.engine] = nil }
        if options.checkInvariants { lanes.processEnded(pid) }
        if let tail { deliver(tail) }
        deliver(.processExited(process.engine, pid: pid, status))
    }
}
