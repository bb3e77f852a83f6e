import Core

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
