import Foundation
import Glibc
import Runtime
import Synchronization
import Testing

extension RealProcessTests {
    @Suite("Stdout read by the owner's poll loop")
    struct OwnedOutputTests {
        static func owned(_ configuration: ProcessConfiguration) -> ProcessConfiguration {
            var configuration = configuration
            configuration.standardOutputReader = .owner
            return configuration
        }

        @Test("an echo through cat comes back byte for byte, with no stdout thread and no handler call")
        func echo() throws {
            let handlerBytes = Mutex(0)
            var handlers = ChildProcess.Handlers()
            handlers.standardOutput = { chunk in handlerBytes.withLock { $0 += chunk.count } }
            let child = try ChildProcess.spawn(Self.owned(ProcessConfiguration(command: ["cat"])), handlers: handlers)
            defer { child.kill() }
            let output = try #require(child.ownedOutput)
            let reader = OwnedOutputReader(output, chunkBytes: 7)
            for index in 0..<50 {
                #expect(child.write(Array("line \(index)\n".utf8)) == .accepted)
                #expect(reader.collector.waitForLine("line \(index)"))
            }
            child.closeStdin()
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(reader.collector.lines == (0..<50).map { "line \($0)" })
            #expect(handlerBytes.withLock { $0 } == 0)
            #expect(!output.isOpen)
            #expect(!reader.cancelled.withLock { $0 })
        }

        @Test("the exit is reported only after the owner closed stdout, with every byte read before it")
        func exitAfterClose() throws {
            let box = Mutex<OwnedOutput?>(nil)
            let openAtExit = Mutex<Bool?>(nil)
            var handlers = ChildProcess.Handlers()
            handlers.exit = { _ in openAtExit.withLock { $0 = box.withLock { $0 }?.isOpen } }
            // Waits for a line first, so every descriptor is still open when the test looks at them.
            let script = "read go; for i in 1 2 3; do echo out $i; done; exit 3"
            let child = try ChildProcess.spawn(
                Self.owned(ProcessConfiguration(command: ["/bin/sh", "-c", script])), handlers: handlers)
            defer { child.kill() }
            let opened = child.descriptors.map { ($0, ProcessTable.descriptorTarget($0)) }
            let output = try #require(child.ownedOutput)
            box.withLock { $0 = output }
            let reader = OwnedOutputReader(output)
            #expect(child.write(Array("go\n".utf8)) == .accepted)
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 3))
            #expect(openAtExit.withLock { $0 } == false)
            #expect(reader.collector.lines == ["out 1", "out 2", "out 3"])
            // Every descriptor of the child is closed by now (checked by pipe identity: a number may
            // be reused by another suite running in parallel, but never for the same pipe).
            #expect(opened.allSatisfy { $0.1?.hasPrefix("pipe:[") == true })
            #expect(opened.filter { ProcessTable.descriptorTarget($0.0) == $0.1 }.map(\.0) == [])
        }

        @Test("a grandchild that left the group and holds stdout: the cancel descriptor ends the reading, the exit follows")
        func escapedGrandchild() throws {
            var configuration = Self.owned(Fixture.child("escape"))
            configuration.outputDrainGraceMs = 100
            let child = try ChildProcess.spawn(configuration)
            defer { child.kill() }
            let reader = OwnedOutputReader(try #require(child.ownedOutput))
            #expect(reader.collector.wait { $0.hasPrefix("escaped ") && $0.hasSuffix("\n") })
            let escaped = Int32(reader.collector.lines.first?.dropFirst("escaped ".count) ?? "") ?? 0
            defer { if escaped > 1 { kill(escaped, SIGKILL) } }
            #expect(escaped > 1)
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(reader.cancelled.withLock { $0 })
        }
    }
}
