/// How a child ended.
package enum ProcessExitStatus: Sendable, Hashable, CustomStringConvertible {
    case exited(code: Int32)
    case signaled(signal: Int32, coreDumped: Bool)
    /// The child was reaped by someone else in this process (a stray `waitpid(-1)`).
    case unknown

    /// Decodes a raw `waitpid` status (the W* macros, which Swift does not import).
    package init(waitStatus status: Int32) {
        let low = status & 0x7f
        if low == 0 {
            self = .exited(code: (status >> 8) & 0xff)
        } else {
            self = .signaled(signal: low, coreDumped: status & 0x80 != 0)
        }
    }

    package var description: String {
        switch self {
        case .exited(let code): "exited with code \(code)"
        case .signaled(let signal, let coreDumped):
            "killed by \(GroupSignal(rawValue: signal))" + (coreDumped ? " (core dumped)" : "")
        case .unknown: "exit status unknown (reaped elsewhere)"
        }
    }
}
