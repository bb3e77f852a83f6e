import Dispatch
import Foundation
import LingosubCLI
import Synchronization
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Interrupting the lingosub executable", .serialized)
struct InterruptTests {
    /// stderr of a child, gathered on Foundation's reader thread; waits are bounded.
    final class StderrLines: Sendable {
        private let text = Mutex("")
        private let changed = DispatchSemaphore(value: 0)

        func append(_ data: Data) {
            text.withLock { $0 += String(decoding: data, as: UTF8.self) }
            changed.signal()
        }

        var all: String { text.withLock { $0 } }

        func wait(for needle: String, timeoutMs: Int = 30_000) -> Bool {
            let deadline = DispatchTime.now() + .milliseconds(timeoutMs)
            while !all.contains(needle) {
                if changed.wait(timeout: deadline) == .timedOut { return all.contains(needle) }
            }
            return true
        }
    }

    /// The engine's pid from `engine ref: ready (pid N)`.
    static func enginePID(_ text: String) -> pid_t? {
        guard let range = text.range(of: "ready (pid ") else { return nil }
        return pid_t(text[range.upperBound...].prefix { $0.isNumber })
    }

    @Test("SIGINT and SIGTERM stop the engines, report the file as unfinished and exit 130", arguments: [SIGINT, SIGTERM])
    func interrupt(signal: Int32) throws {
        let directory = try #require(CommandEnvironment.current.executableDirectory)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: directory + "/lingosub")
        process.arguments = [
            "transcribe", EngineFixture.hello, "--engine", "ref=lsref --latency-ms 20000", "--format", "srt", "--timeout", "60",
        ]
        process.environment = ["PATH": "/usr/bin:/bin"]
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        let lines = StderrLines()
        stderr.fileHandleForReading.readabilityHandler = { handle in lines.append(handle.availableData) }
        try process.run()
        defer {
            // Cleanup when an expectation failed before the signal: the child and its engine go.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            stderr.fileHandleForReading.readabilityHandler = nil
        }
        #expect(lines.wait(for: "hello.wav [ref] 0%\n"))
        let engine = Self.enginePID(lines.all)
        kill(process.processIdentifier, signal)
        #expect(lines.wait(for: "lingosub transcribe: interrupted; engines stopped\n"))
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(lines.all.contains("engine ref failed: interrupted before it finished\n"))
        let pid = try #require(engine)
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }
}
