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
