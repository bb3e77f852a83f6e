/// What happened to bytes handed to `ChildProcess.write`. Never blocks.
package enum StdinWriteResult: Sendable, Equatable {
    /// Queued; a writer thread delivers them in order.
    case accepted
    /// More than `stdinQueueBytesMax` would be waiting: nothing was queued.
    case queueFull
    /// The pipe is closed (EPIPE: the child is gone or closed its stdin; or `closeStdin` was called;
    /// or the child has no stdin pipe).
    case closed
}
