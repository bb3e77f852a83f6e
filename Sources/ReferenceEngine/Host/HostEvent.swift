/// What happens to a simulated lsref process.
package enum HostEvent: Sendable, Hashable {
    /// Bytes arrive on stdin.
    case stdin([UInt8])
    /// stdin reached end of file.
    case stdinClosed
    /// SIGTERM.
    case terminate
    /// A timer the host asked for fired.
    case timer(HostTimer)
}
