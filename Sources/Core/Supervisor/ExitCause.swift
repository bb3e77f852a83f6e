/// Why an engine process ended (or never became ready), as the supervisor classifies it. The restart
/// policy decides per cause; diagnostics and `signal.engine.crashed` events carry it.
package enum ExitCause: Hashable, Sendable, CustomStringConvertible {
    /// Unrequested exit with status 0.
    case cleanExit
    /// Unrequested exit with a non-zero status.
    case crashExit(code: Int32)
    /// Killed by a signal other than SIGKILL (SIGSEGV, SIGABRT, …).
    case crashSignal(signal: Int32)
    /// SIGKILL the coordinator did not send: typically the kernel's OOM killer.
    case killedBySystem
    /// `HealthPolicy.failuresMax` consecutive failed probes; the coordinator tore it down.
    case healthFailure
    /// `initialize` answered with an error (or an unreadable result).
    case handshakeFailure(engineCode: Int?)
    /// A startup stage exceeded its timeout.
    case startupTimeout(StartupStage)
    case spawnFailure(reason: String)
    /// Dependencies missing (and not installable) or their installation failed.
    case dependencyFailure(reason: String)
    /// No heartbeat within `HealthPolicy.heartbeatDeadlineMs(interval:)` while Running.
    case heartbeatLost
    /// `HealthPolicy.protocolErrorsMax` consecutive unreadable lines on stdout.
    case protocolErrors
    /// The coordinator asked it to stop (client stop or manual restart).
    case stopRequested

    /// Stable id for events and reports.
    package var id: String {
        switch self {
        case .cleanExit: "clean_exit"
        case .crashExit: "crash_exit"
        case .crashSignal: "crash_signal"
        case .killedBySystem: "killed_by_system"
        case .healthFailure: "health_failure"
        case .handshakeFailure: "handshake_failure"
        case .startupTimeout: "startup_timeout"
        case .spawnFailure: "spawn_failure"
        case .dependencyFailure: "dependency_failure"
        case .heartbeatLost: "heartbeat_lost"
        case .protocolErrors: "protocol_errors"
        case .stopRequested: "stop_requested"
        }
    }

    package var description: String {
        switch self {
        case .crashExit(let code): "crash_exit(\(code))"
        case .crashSignal(let signal): "crash_signal(\(signal))"
        case .handshakeFailure(let code): "handshake_failure(\(code.map(String.init) ?? "-"))"
        case .startupTimeout(let stage): "startup_timeout(\(stage.rawValue))"
        case .spawnFailure(let reason), .dependencyFailure(let reason): "\(id)(\(reason))"
        default: id
        }
    }

    /// Classifies an unrequested exit status.
    package init(unrequested status: TerminationStatus) {
        switch status {
        case .exited(0): self = .cleanExit
        case .exited(let code): self = .crashExit(code: code)
        case .signaled(ProcessSignal.kill.number): self = .killedBySystem
        case .signaled(let signal): self = .crashSignal(signal: signal)
        }
    }
}
