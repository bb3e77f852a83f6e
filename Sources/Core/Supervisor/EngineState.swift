/// A snapshot of an engine supervisor's state, for drivers, tests and invariants.
package enum EngineState: Hashable, Sendable {
    case stopped
    case starting(StartupStage, pid: ProcessID?)
    case running(pid: ProcessID, startedAtMs: UInt64, restartCount: UInt32)
    /// Waiting out the restart delay (an extra state between a crash and the next Starting).
    case backingOff(restartAtMs: UInt64, restartCount: UInt32)
    case stopping(pid: ProcessID?, reason: StopReason)
    case failed(EngineDiagnostics)

    package var phase: EnginePhase {
        switch self {
        case .stopped: .stopped
        case .starting(let stage, _): .starting(stage)
        case .running: .running
        case .backingOff: .backingOff
        case .stopping: .stopping
        case .failed: .failed
        }
    }
}

/// Why an engine is being torn down, which decides what follows the exit.
package enum StopReason: Hashable, Sendable {
    /// Client stop: ends in Stopped.
    case requested
    /// Client restart: ends in a fresh start with the restart count reset.
    case manualRestart
    /// The coordinator gave up on this process (unhealthy, stuck stage, garbage, refused handshake):
    /// ends as an exit with this cause, so the restart policy decides.
    case forced(ExitCause)
}
