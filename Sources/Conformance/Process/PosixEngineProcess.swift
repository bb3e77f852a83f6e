#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `EngineProcess` on posix_spawn and three non-blocking pipes, driven by `poll(2)` from the one
/// thread that owns it. Output read while writing or waiting for exit is kept for `readEvents`.
package final class PosixEngineProcess: EngineProcess {
    package let pid: Int32
    private var stdinFD: Int32
    private var stdoutFD: Int32
    private var stderrFD: Int32
    private var pending: [EngineEvent] = []
    private var exitStatus: ExitStatus?
    private var reaped = false
    private var killed = false

    /// Largest single read from a pipe.
    static let readChunkBytes = 65_536
    /// How long `killGroup` waits to reap the engine after SIGKILL.
    static let reapAfterKillMs = 2_000

    package init(_ command: EngineCommand) throws(EngineStartError) {
        signal(SIGPIPE, SIG_IGN)
        guard let pipes = PosixSpawn.pipes() else { throw EngineStartError(.pipeFailed, "pipe: errno \(errno)") }
        let (input, output, errors) = (pipes[0], pipes[1], pipes[2])
        let spawned = PosixSpawn.spawn(
            arguments: command.arguments, environment: PosixSpawn.environment(adding: command.environmentAdditions),
            stdin: input.read, stdout: output.write, stderr: errors.write)
        for fd in [input.read, output.write, errors.write] { close(fd) }
        switch spawned {
        case .failure(let failure):
            for fd in [input.write, output.read, errors.read] { close(fd) }
            throw failure
        case .success(let pid):
            self.pid = pid
        }
        stdinFD = input.write
        stdoutFD = output.read
        stderrFD = errors.read
        for fd in [stdinFD, stdoutFD, stderrFD] { PosixSpawn.setNonBlocking(fd) }
    }

    deinit { killGroup() }

    package func write(_ bytes: [UInt8], deadlineNs: UInt64) -> Result<Void, WriteFailure> {
        var offset = 0
        while offset < bytes.count {
            guard stdinFD >= 0 else { return .failure(.closed) }
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(stdinFD, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written > 0 {
                offset += written
                continue
            }
            if written < 0, errno == EINTR { continue }
            if written < 0, errno != EAGAIN {
                closeStdin()
                return .failure(.closed)
            }
            let now = MonotonicClock.nowNs()
            guard now < deadlineNs else { return .failure(.timedOut(writtenBytes: offset)) }
            pollOnce(timeoutMs: Self.milliseconds(until: deadlineNs, from: now), wantWrite: true)
        }
        return .success(())
    }

    package func closeStdin() {
        guard stdinFD >= 0 else { return }
        close(stdinFD)
        stdinFD = -1
    }

    package func readEvents(deadlineNs: UInt64) -> [EngineEvent] {
        while pending.isEmpty {
            let now = MonotonicClock.nowNs()
            guard now < deadlineNs else { break }
            if stdoutFD < 0, stderrFD < 0 {
                usleep(UInt32(min(Self.milliseconds(until: deadlineNs, from: now), 10)) * 1_000)
                continue
            }
            pollOnce(timeoutMs: Self.milliseconds(until: deadlineNs, from: now), wantWrite: false)
        }
        defer { pending = [] }
        return pending
    }

    package func waitExit(deadlineNs: UInt64) -> ExitStatus? {
        while true {
            if let exitStatus { return exitStatus }
            reap(options: WNOHANG)
            if let exitStatus { return exitStatus }
            let now = MonotonicClock.nowNs()
            guard now < deadlineNs else { return nil }
            let slice = min(Self.milliseconds(until: deadlineNs, from: now), 10)
            if stdoutFD < 0, stderrFD < 0 {
                usleep(UInt32(slice) * 1_000)
            } else {
                pollOnce(timeoutMs: slice, wantWrite: false)
            }
        }
    }

    package func signalGroup(_ signal: Int32) {
        guard !reaped else { return }
        kill(-pid, signal)
    }

    package func killGroup() {
        guard !killed else { return }
        killed = true
        if !reaped { kill(-pid, SIGKILL) }
        let deadline = MonotonicClock.deadline(afterMs: Self.reapAfterKillMs)
        while !reaped, MonotonicClock.nowNs() < deadline {
            reap(options: WNOHANG)
            if !reaped { usleep(2_000) }
        }
        // The group may outlive the engine (a grandchild); kill it again after the reap.
        kill(-pid, SIGKILL)
        drainAvailable()
        closeStdin()
        for fd in [stdoutFD, stderrFD] where fd >= 0 { close(fd) }
        stdoutFD = -1
        stderrFD = -1
    }

    private func reap(options: Int32) {
        guard !reaped else { return }
        var status: Int32 = 0
        let result = waitpid(pid, &status, options)
        if result == pid {
            reaped = true
            exitStatus = PosixSpawn.decode(status)
        } else if result < 0, errno != EINTR {
            reaped = true
        }
    }

    /// One `poll` over the open output pipes (and stdin when writing); reads what is ready.
    private func pollOnce(timeoutMs: Int, wantWrite: Bool) {
        var fds: [pollfd] = []
        if stdoutFD >= 0 { fds.append(pollfd(fd: stdoutFD, events: Int16(POLLIN), revents: 0)) }
        if stderrFD >= 0 { fds.append(pollfd(fd: stderrFD, events: Int16(POLLIN), revents: 0)) }
        if wantWrite, stdinFD >= 0 { fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0)) }
        guard !fds.isEmpty else { return }
        let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: timeoutMs))
        guard ready > 0 else { return }
        for entry in fds where entry.revents != 0 && entry.fd != stdinFD { readAvailable(entry.fd) }
    }

    private func drainAvailable() {
        for fd in [stdoutFD, stderrFD] where fd >= 0 { readAvailable(fd) }
    }

    /// Reads until the pipe would block or ends; records chunks and closure as events.
    private func readAvailable(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: Self.readChunkBytes)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            let now = MonotonicClock.nowNs()
            if count > 0 {
                let bytes = Array(buffer[0..<count])
                pending.append(EngineEvent(timeNs: now, kind: fd == stdoutFD ? .stdout(bytes) : .stderr(bytes)))
                continue
            }
            if count < 0, errno == EINTR { continue }
            if count < 0, errno == EAGAIN { return }
            pending.append(EngineEvent(timeNs: now, kind: fd == stdoutFD ? .stdoutClosed : .stderrClosed))
            close(fd)
            if fd == stdoutFD { stdoutFD = -1 } else { stderrFD = -1 }
            return
        }
    }

    private static func milliseconds(until deadlineNs: UInt64, from now: UInt64) -> Int {
        guard deadlineNs > now else { return 0 }
        return Int((deadlineNs - now + 999_999) / 1_000_000)
    }
}
