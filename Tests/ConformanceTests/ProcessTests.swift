import Conformance
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The runner's own process layer: every wait is bounded, and the whole group dies with the case.
@Suite("PosixEngineProcess never hangs and leaves nothing behind")
struct ProcessTests {
    static func python(_ code: String) throws -> PosixEngineProcess {
        try PosixEngineProcess(EngineCommand(arguments: ["python3", "-c", code]))
    }

    @Test("a write to an engine that never reads stops at its deadline")
    func writeDeadline() throws {
        let process = try Self.python("import time; time.sleep(30)")
        defer { process.killGroup() }
        let result = process.write([UInt8](repeating: 0x41, count: 1 << 20), deadlineNs: MonotonicClock.deadline(afterMs: 300))
        guard case .failure(.timedOut(let written)) = result else {
            Issue.record("expected a timeout, got \(result)")
            return
        }
        #expect(written < 1 << 20)
    }

    @Test("a write to an engine that closed its stdin fails as closed (SIGPIPE ignored)")
    func closedStdin() throws {
        let process = try Self.python("import os, sys, time; os.close(0); sys.stdout.write('x\\n'); sys.stdout.flush(); time.sleep(30)")
        defer { process.killGroup() }
        let session = EngineSession(process: process, replyTimeoutMs: 1_000)
        #expect(session.waitForLine(timeoutMs: 10_000) { _ in true } != nil)
        let result = process.write(Array("hello\n".utf8), deadlineNs: MonotonicClock.deadline(afterMs: 1_000))
        guard case .failure(.closed) = result else {
            Issue.record("expected closed, got \(result)")
            return
        }
    }

    @Test("waitExit returns nil at its deadline when the engine keeps running, and the exit status after")
    func waitExitBound() throws {
        let process = try Self.python("import sys, time; sys.stdin.read(); time.sleep(0.1); sys.exit(7)")
        defer { process.killGroup() }
        #expect(process.waitExit(deadlineNs: MonotonicClock.deadline(afterMs: 200)) == nil)
        process.closeStdin()
        #expect(process.waitExit(deadlineNs: MonotonicClock.deadline(afterMs: 10_000)) == .exited(7))
    }

    @Test("killGroup ends the engine and the children it forked")
    func killGroup() throws {
        let process = try Self.python(
            "import os, sys, time\npid = os.fork()\nif pid == 0:\n    time.sleep(60)\nelse:\n    print(pid, flush=True); time.sleep(60)")
        let session = EngineSession(process: process, replyTimeoutMs: 1_000)
        let line = try #require(session.waitForLine(timeoutMs: 10_000) { _ in true })
        let child = try #require(Int32(String(decoding: line.bytes, as: UTF8.self)))
        process.killGroup()
        #expect(process.waitExit(deadlineNs: MonotonicClock.deadline(afterMs: 10_000)) == .signaled(SIGKILL))
        // The grandchild is gone or a zombie waiting for its new parent: either way, not running. SIGKILL
        // lands asynchronously, so look until it does (bounded: a loaded machine may take a while).
        let deadline = MonotonicClock.deadline(afterMs: 10_000)
        var state = Self.processState(child)
        while !(state == nil || state == "Z" || state == "X"), MonotonicClock.nowNs() < deadline {
            usleep(10_000)
            state = Self.processState(child)
        }
        #expect(state == nil || state == "Z" || state == "X")
    }

    /// The state letter of `/proc/PID/stat`, or nil when the process is gone.
    static func processState(_ pid: Int32) -> Substring? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return nil }
        guard let close = stat.lastIndex(of: ")") else { return nil }
        return stat[stat.index(after: close)...].split(separator: " ").first
    }

    @Test("a missing executable is a start error, not a hang")
    func missingExecutable() {
        #expect(throws: EngineStartError.self) { try PosixEngineProcess(EngineCommand(arguments: ["/nonexistent/engine"])) }
    }
}
