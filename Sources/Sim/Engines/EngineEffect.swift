import Core

/// What a simulated engine process asks the world to do.
package enum EngineEffect: Sendable {
    /// Bytes written to its stdout (split into chunks by the world's pipe).
    case stdout([UInt8])
    /// One line written to its stderr.
    case stderr(String)
    /// Run `step` this many ms from now (the process's own timer).
    case after(UInt64, EngineStep)
    /// The process exits now with this status.
    case exit(TerminationStatus)
}

/// A simulated process's own timed work.
package enum EngineStep: Sendable {
    /// The startup delay is over: start reading stdin.
    case ready
    /// `exitAfterMs` has come.
    case lifeEnds
    /// Step `index` of a request's plan.
    case request(id: UInt64, index: Int)
    /// Write these bytes (a delayed reply).
    case write([UInt8])
    case exit(TerminationStatus)
    case heartbeat
    /// A hosted SDK session's timer.
    case session(UInt64)
}
