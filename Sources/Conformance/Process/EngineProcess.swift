/// How to start the engine under test: argv only (never a shell), plus environment additions.
package struct EngineCommand: Sendable, Equatable {
    /// `argv[0]` is looked up in `PATH` when it has no `/`.
    package var arguments: [String]
    /// `K=V` pairs added to (or replacing in) the runner's own environment.
    package var environmentAdditions: [(key: String, value: String)]

    package init(arguments: [String], environmentAdditions: [(key: String, value: String)] = []) {
        precondition(!arguments.isEmpty, "an engine command needs argv[0]")
        self.arguments = arguments
        self.environmentAdditions = environmentAdditions
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.arguments == b.arguments
            && a.environmentAdditions.elementsEqual(b.environmentAdditions) { $0.key == $1.key && $0.value == $1.value }
    }
}

/// One thing that happened on the engine's pipes, stamped with the runner's monotonic clock.
package struct EngineEvent: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case stdout([UInt8])
        case stderr([UInt8])
        /// The engine closed its stdout (usually: it exited).
        case stdoutClosed
        case stderrClosed
    }

    package var timeNs: UInt64
    package var kind: Kind
}

/// How an engine process ended.
package enum ExitStatus: Sendable, Equatable, CustomStringConvertible {
    case exited(Int32)
    case signaled(Int32)

    package var description: String {
        switch self {
        case .exited(let code): "exit \(code)"
        case .signaled(let signal): "killed by signal \(signal)"
        }
    }
}

/// Why a write to the engine's stdin did not complete.
package enum WriteFailure: Error, Sendable, Equatable {
    /// The engine closed its stdin (EPIPE) or stdin was already closed by the runner.
    case closed
    /// The engine did not read the bytes before the deadline.
    case timedOut(writtenBytes: Int)
}

/// A running engine as the runner sees it. Every wait takes a deadline; nothing blocks past it.
/// One case owns one process and drives it from one thread.
package protocol EngineProcess: AnyObject {
    var pid: Int32 { get }
    /// Writes `bytes` in one go (or as few writes as the pipe allows), reading output meanwhile.
    func write(_ bytes: [UInt8], deadlineNs: UInt64) -> Result<Void, WriteFailure>
    /// Closes the engine's stdin (end of input).
    func closeStdin()
    /// Waits until output arrives or the deadline passes; returns what arrived (empty at the deadline).
    func readEvents(deadlineNs: UInt64) -> [EngineEvent]
    /// Waits for the process to end, reading output meanwhile; nil when the deadline passes first.
    /// Output read while waiting is returned through `readEvents` later.
    func waitExit(deadlineNs: UInt64) -> ExitStatus?
    /// Sends `signal` to the engine's process group.
    func signalGroup(_ signal: Int32)
    /// SIGKILL to the whole process group, then reaps the engine (bounded); closes every pipe.
    func killGroup()
}
