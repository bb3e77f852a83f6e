import Runtime
import Synchronization
import Testing

extension RealProcessTests {
    @Suite("Exit statuses")
    struct ExitStatusTests {
        @Test("an exit code is reported as exited(code)")
        func exitCode() throws {
            let child = try ChildProcess.spawn(Fixture.child("exit", "3"))
            defer { child.kill() }
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 3))
        }

        @Test("a SIGSEGV is reported as signaled(11) without a core")
        func segmentationFault() throws {
            let child = try ChildProcess.spawn(Fixture.child("segv"))
            defer { child.kill() }
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .signaled(signal: 11, coreDumped: false))
        }

        @Test("a SIGKILL to the group is reported as signaled(9), and the group cannot be signalled after")
        func killed() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(Fixture.child("ignore-term"), handlers: output.handlers)
            defer { child.kill() }
            #expect(output.waitForLine("ready"))
            #expect(child.signalGroup(.kill))
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .signaled(signal: 9, coreDumped: false))
            #expect(!child.signalGroup(.kill))
        }

        @Test("the exit handler runs once, after all stdout was delivered")
        func exitHandlerComesLast() throws {
            let output = OutputCollector()
            var handlers = output.handlers
            let seen = Mutex<[String]>([])
            handlers.exit = { status in seen.withLock { $0.append("\(status) after \(output.text)") } }
            let child = try ChildProcess.spawn(Fixture.child("cwd"), handlers: handlers)
            defer { child.kill() }
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(seen.withLock { $0 } == ["exited with code 0 after \(output.text)"])
            #expect(!output.text.isEmpty)
        }
    }
}
