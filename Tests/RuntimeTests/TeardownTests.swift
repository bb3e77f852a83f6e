import Glibc
import Runtime
import Testing

extension RealProcessTests {
    @Suite("Teardown")
    struct TeardownTests {
        @Test("killing the group also kills the grandchildren the engine forked")
        func grandchildrenDie() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(Fixture.child("fork-tree", "3"), handlers: output.handlers)
            defer { child.kill() }
            #expect(output.waitForLine("ready"))
            let grandchildren = output.lines.first { $0.hasPrefix("pids ") }
                .map { $0.dropFirst(5).split(separator: " ").compactMap { Int32($0) } } ?? []
            #expect(grandchildren.count == 3)
            #expect(ProcessTable.liveMembers(ofGroup: child.processGroup) == ([child.pid] + grandchildren).sorted())

            let outcome = child.tearDown([TeardownStep(signal: .terminate, graceMs: Fixture.waitMs)])
            #expect(outcome == TeardownOutcome(signalsSent: [.terminate], status: .signaled(signal: 15, coreDumped: false)))
            #expect(ProcessTable.eventually { ProcessTable.liveMembers(ofGroup: child.processGroup).isEmpty })
            #expect(ProcessTable.zombieChildren(among: [child.pid]).isEmpty)
        }

        @Test("a child that ignores SIGTERM is killed by the SIGKILL step")
        func sigtermIgnored() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(Fixture.child("ignore-term"), handlers: output.handlers)
            defer { child.kill() }
            #expect(output.waitForLine("ready"))
            // The first grace must run out: keep it short but far above a signal's delivery time.
            let steps = [TeardownStep(signal: .terminate, graceMs: 200), TeardownStep(signal: .kill, graceMs: Fixture.waitMs)]
            let outcome = child.tearDown(steps)
            #expect(outcome == TeardownOutcome(signalsSent: [.terminate, .kill], status: .signaled(signal: 9, coreDumped: false)))
            #expect(ProcessTable.eventually { ProcessTable.liveMembers(ofGroup: child.processGroup).isEmpty })
        }

        @Test("steps without a final SIGKILL get one appended")
        func finalKillAppended() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(Fixture.child("ignore-term"), handlers: output.handlers)
            defer { child.kill() }
            #expect(output.waitForLine("ready"))
            let outcome = child.tearDown([TeardownStep(signal: .terminate, graceMs: 0)])
            #expect(outcome == TeardownOutcome(signalsSent: [.terminate, .kill], status: .signaled(signal: 9, coreDumped: false)))
        }

        @Test("tearing down a child that already exited sends nothing")
        func alreadyExited() throws {
            let child = try ChildProcess.spawn(Fixture.child("exit", "0"))
            defer { child.kill() }
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(child.tearDown(TeardownStep.seedDefault) == TeardownOutcome(signalsSent: [], status: .exited(code: 0)))
        }

        @Test("when the leader dies on its own its grandchildren are killed too")
        func leaderDeathKillsGroup() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(Fixture.child("fork-tree", "2"), handlers: output.handlers)
            defer { child.kill() }
            #expect(output.waitForLine("ready"))
            #expect(kill(child.pid, SIGKILL) == 0)  // only the leader, as a crash would
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .signaled(signal: 9, coreDumped: false))
            #expect(ProcessTable.eventually { ProcessTable.liveMembers(ofGroup: child.processGroup).isEmpty })
        }

        @Test("a grandchild that left the group and holds stdout does not hold back the exit report")
        func escapedGrandchild() throws {
            var configuration = Fixture.child("escape")
            configuration.outputDrainGraceMs = 100
            let output = OutputCollector()
            let child = try ChildProcess.spawn(configuration, handlers: output.handlers)
            defer { child.kill() }
            #expect(output.wait { $0.hasPrefix("escaped ") && $0.hasSuffix("\n") })
            let escaped = Int32(output.lines.first?.dropFirst("escaped ".count) ?? "") ?? 0
            defer { if escaped > 1 { kill(escaped, SIGKILL) } }
            #expect(escaped > 1)
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(child.waitForStdinClosed(timeoutMs: Fixture.waitMs))
            #expect(ProcessTable.entry(escaped)?.group == escaped)  // out of reach of the group kill
        }
    }
}
