/// How a process ended, as the driver's `waitpid` (or the simulator) reports it.
package enum TerminationStatus: Hashable, Sendable, CustomStringConvertible {
    /// Normal exit with this status code.
    case exited(code: Int32)
    /// Terminated by this signal number (Linux numbering: 9 SIGKILL, 11 SIGSEGV, 15 SIGTERM).
    case signaled(signal: Int32)

    package var description: String {
        switch self {
        case .exited(let code): "exit \(code)"
        case .signaled(let signal): "signal \(signal)"
        }
    }
}
