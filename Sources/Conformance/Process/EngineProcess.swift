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
