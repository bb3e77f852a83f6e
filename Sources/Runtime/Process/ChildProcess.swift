import Dispatch
import Synchronization

/// A running child in its own process group, with its stdio drained by background threads.
///
/// Threads per child: a reaper, a stdout reader, a stderr reader, a stderr log writer (with a log
/// file), a stdin writer (only for the streams that are pipes; no stdout reader when the owner reads
/// stdout itself, see `OwnedOutput`). The reaper waits for the leader without reaping it,
/// SIGKILLs the rest of the group (no orphans, and the zombie keeps the group id from being reused
/// meanwhile), reaps, lets the pipes drain (at most `outputDrainGraceMs`), then calls the exit
/// handler — after every stdout chunk and stderr line has been delivered.
package final class ChildProcess: Sendable {
    /// Callbacks, run on the child's threads; they must return quickly.
    package struct Handlers: Sendable {
        /// Bytes from stdout, in order.
        package var standardOutput: @Sendable ([UInt8]) -> Void = { _ in }
        /// Each completed stderr line (cut to `lineBytesMax`).
        package var standardErrorLine: (@Sendable (String) -> Void)?
        /// Once, last.
        package var exit: @Sendable (ProcessExitStatus) -> Void = { _ in }

        package init() {}
    }

    enum Lifecycle {
        /// Not yet reaped (maybe a zombie already): the group may be signalled.
        case running
        /// Being or already reaped: never signal again.
        case reaped
        case finished(ProcessExitStatus)
    }

    package let pid: Int32
    /// Equal to `pid`: every child leads its own group.
    package var processGroup: Int32 { pid }
    package let command: [String]
    /// The resolved executable.
    package let executablePath: String
    /// The parent's pipe descriptors for this child, all closed by the time the exit is reported.
    package let descriptors: [Int32]
    let lifecycle = Mutex(Lifecycle.running)
    let stdin: StdinWriter?
    let stderr: StderrCapture?
    /// The stdout pipe when the owner reads it (`ProcessConfiguration.standardOutputReader == .owner`).
    package let ownedOutput: OwnedOutput?
    /// Left when the exit handler has returned.
    let done = DispatchGroup()

    init(
        pid: Int32, command: [String], executablePath: String, descriptors: [Int32],
        stdin: StdinWriter?, stderr: StderrCapture?, ownedOutput: OwnedOutput?
    ) {
        self.pid = pid
        self.descriptors = descriptors
        self.command = command
        self.executablePath = executablePath
        self.stdin = stdin
        self.stderr = stderr
        self.ownedOutput = ownedOutput
        done.enter()
    }

    /// Queues bytes for the child's stdin; never blocks.
    package func write(_ bytes: [UInt8]) -> StdinWriteResult {
        stdin?.write(bytes) ?? .closed
    }

    /// Closes the child's stdin after the queued bytes are written.
    package func closeStdin() {
        stdin?.close()
    }

    /// Waits at most `timeoutMs` until the stdin pipe is closed; true when it is (or never existed).
    package func waitForStdinClosed(timeoutMs: Int) -> Bool {
        stdin?.waitUntilClosed(timeoutMs: timeoutMs) ?? true
    }

    /// Sends `signal` to the child's process group; false (nothing sent) once the leader is reaped.
    ///
    /// The lock is held across `kill` on purpose: `kill` never blocks, and holding it is what
    /// guarantees the reaper cannot reap (and the kernel cannot reuse the group id) in between.
    @discardableResult
    package func signalGroup(_ signal: GroupSignal) -> Bool {
        lifecycle.withLock { state in
            switch state {
            case .running:
                return PosixSignals.signalGroup(pid, signal.rawValue) == nil
            case .reaped, .finished:
                return false
            }
        }
    }

    /// The exit status once the exit handler has run.
    package var exitStatus: ProcessExitStatus? {
        lifecycle.withLock { state in
            if case .finished(let status) = state { return status }
            return nil
        }
    }

    /// Waits at most `timeoutMs` for the exit handler to have run; nil on timeout.
    package func waitForExit(timeoutMs: Int) -> ProcessExitStatus? {
        guard done.wait(timeout: .now() + .milliseconds(timeoutMs)) == .success else { return nil }
        return exitStatus
    }

    /// The last stderr lines, oldest first (empty without a stderr pipe).
    package var stderrTail: [String] { stderr?.tailLines ?? [] }

    package var stderrStatistics: StderrStatistics { stderr?.statistics ?? StderrStatistics() }

    /// Why stdin closed on its own (EPIPE when the child stopped reading), if it did.
    package var stdinFailure: String? {
        stdin?.failure.map { "\($0.message) (errno \($0.code))" }
    }
}
