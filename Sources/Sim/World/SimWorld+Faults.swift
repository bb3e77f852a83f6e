import Core

/// Fault injection and the explore liveness phase.
extension SimWorld {
    /// The longest a stall without a duration lasts.
    static let stallDefaultMs: UInt64 = 60_000

    func inject(_ fault: FaultSpec) {
        guard !inLiveness else { return }
        if fault.kind == .clockJump {
            floorMs = max(floorMs, nowMs + fault.durationMs)
            return
        }
        guard let engine = fault.engine, let pid = leaders[engine], processes[pid]?.alive == true else { return }
        switch fault.kind {
        case .crash:
            apply([.stderr("killed by fault injection"), .exit(.signaled(signal: fault.signal))], pid: pid)
        case .hang:
            processes[pid]!.frozenUntilMs = fault.durationMs == 0 ? .max : nowMs + fault.durationMs
        case .stall:
            processes[pid]!.stdoutPipe.stalledUntilMs = nowMs + (fault.durationMs == 0 ? Self.stallDefaultMs : fault.durationMs)
        case .garbage:
            for line in 0..<fault.lines { writePipe(pid, RPCLines.garbage(line), stream: .stdout) }
        case .clockJump:
            break
        }
    }

    /// Runs the scenario with its faults, then (for explore) a fault-free liveness phase.
    package func runScenario(liveness: Bool = false) {
        run(untilMs: scenario.runMs)
        guard liveness else { return finishChecks() }
        queue.schedule(.liveness, atMs: nowMs)
        run(untilMs: scenario.runMs + scenario.explore.livenessMs)
        if book.unfinishedCount > 0 {
            var stuck: [String] = []
            for id in book.order where !book.finished.contains(id) { stuck.append(book.alias(id)) }
            let shown = stuck.prefix(5).joined(separator: ", ")
            violations.append(SimViolation(
                "liveness", "\(stuck.count) task(s) unfinished after the fault-free phase: \(shown)", atMs: nowMs))
        }
        finishChecks()
    }

    /// The liveness phase: faults end, and every 10 s the simulated operator starts any engine that is
    /// Failed or Stopped (an operator start while an engine is still stopping is refused, so it retries).
    func beginLiveness() {
        if !inLiveness {
            inLiveness = true
            floorMs = 0
            for pid in processes.pids {
                processes[pid]!.frozenUntilMs = min(processes[pid]!.frozenUntilMs, nowMs)
                processes[pid]!.stdoutPipe.stalledUntilMs = min(processes[pid]!.stdoutPipe.stalledUntilMs, nowMs)
                scheduleRelease(pid)
            }
        }
        for engine in inspect({ $0.engineIDs }) {
            switch inspect({ $0.engineState(engine) }) {
            case .failed?: deliver(.client(.restartEngine(engine)))
            case .stopped?: deliver(.client(.startEngine(engine)))
            default: break
            }
        }
        schedule(.liveness, afterMs: Self.operatorSweepMs)
    }

    static let operatorSweepMs: UInt64 = 10_000
}
