import EngineSDK

/// What a simulated lsref process does; the simulator carries it out.
package enum HostAction: Sendable, Hashable {
    /// Bytes on stdout.
    case stdout([UInt8])
    /// A log line for stderr.
    case log(LogRecord)
    /// Fire `timer` at `atMs` (replacing an earlier arming).
    case armTimer(HostTimer, atMs: Int)
    case cancelTimer(HostTimer)
    /// The process exits with this status (a crash included); nothing follows.
    case exit(code: Int32)
}
