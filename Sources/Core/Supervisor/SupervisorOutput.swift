/// What one engine supervisor asks for; the coordinator turns these into `CoordinatorAction`s.
package enum SupervisorOutput: Hashable, Sendable {
    case checkDependencies([String])
    case installDependencies([String])
    case spawn(SpawnSpec)
    case send(EngineRequest)
    /// Always to the process group.
    case signal(ProcessID, ProcessSignal)
    case armTimer(EngineTimer, atMs: UInt64)
    case cancelTimer(EngineTimer)
    case event(EngineSignal)
    /// The process is going or gone: its in-flight transcriptions will not finish. `countsAttempt` is
    /// false for requested stops (not the request's fault) and true for crashes and forced restarts.
    case workLost(countsAttempt: Bool, reason: String)
}

/// Engine-level signals, emitted as `signal.engine.*` events.
package enum EngineSignal: Hashable, Sendable {
    case stage(StartupStage)
    case ready(pid: ProcessID, requestsInFlightMax: Int)
    case unhealthy(consecutiveFailures: UInt32)
    case healthy
    /// The outcome of a probe a client asked for (`ClientCommand.probeEngine`); only then.
    case probed(ProbeOutcome)
    case crashed(ExitCause, TerminationStatus?)
    case restarting(delayMs: UInt64, restartCount: UInt32)
    case restartCountReset
    case failed(ExitCause)
    case stopping(StopReason)
    case stopped

    /// The event name, e.g. `signal.engine.crashed`.
    package var name: String {
        switch self {
        case .stage: "signal.engine.stage"
        case .ready: "signal.engine.ready"
        case .unhealthy: "signal.engine.unhealthy"
        case .healthy: "signal.engine.healthy"
        case .probed: "signal.engine.probed"
        case .crashed: "signal.engine.crashed"
        case .restarting: "signal.engine.restarting"
        case .restartCountReset: "signal.engine.restart_count_reset"
        case .failed: "signal.engine.failed"
        case .stopping: "signal.engine.stopping"
        case .stopped: "signal.engine.stopped"
        }
    }
}
