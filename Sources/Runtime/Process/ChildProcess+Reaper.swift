import Dispatch

extension ChildProcess {
    /// The reaper thread's body: see the type's documentation for the order of events.
    func superviseExit(
        io: DispatchGroup, logWriter: DispatchGroup, cancel: (read: Int32, write: Int32), graceMs: Int,
        handler: @Sendable (ProcessExitStatus) -> Void
    ) {
        let waited = PosixWait.waitForExit(pid)
        lifecycle.withLock { state in
            // The unreaped leader pins the group id, so this cannot hit a stranger. If someone else
            // reaped it (waited != nil) the id may already be reused: send nothing.
            if waited == nil { _ = PosixSignals.signalGroup(pid, GroupSignal.kill.rawValue) }
            state = .reaped
        }
        var status = ProcessExitStatus.unknown
        if waited == nil, case .success(let raw) = PosixWait.reap(pid) {
            status = ProcessExitStatus(waitStatus: raw)
        }
        stdin?.close()
        if io.wait(timeout: .now() + .milliseconds(graceMs)) == .timedOut {
            PosixPipe.signal(cancel.write)
            io.wait()
        }
        stderr?.finish()
        logWriter.wait()
        PosixPipe.close(cancel.read)
        PosixPipe.close(cancel.write)
        lifecycle.withLock { $0 = .finished(status) }
        handler(status)
        done.leave()
    }
}
