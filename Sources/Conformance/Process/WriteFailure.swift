/// Why a write to the engine's stdin did not complete.
package enum WriteFailure: Error, Sendable, Equatable {
    /// The engine closed its stdin (EPIPE) or stdin was already closed by the runner.
    case closed
    /// The engine did not read the bytes before the deadline.
    case timedOut(writtenBytes: Int)
}
