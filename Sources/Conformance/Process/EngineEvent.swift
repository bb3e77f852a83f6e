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
