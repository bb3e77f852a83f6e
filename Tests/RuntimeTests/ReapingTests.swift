import Foundation
import Runtime
import Synchronization
import Testing

extension RealProcessTests {
    @Suite("Reaping and descriptors")
    struct ReapingTests {
        @Test("a burst of 100 exits leaves no zombie and reports every exit once")
        func burstOfExits() throws {
            let exits = Mutex<[Int32: Int]>([:])
            var children: [ChildProcess] = []
            defer { for child in children { child.kill() } }
            for index in 0..<100 {
                var handlers = ChildProcess.Handlers()
                let code = Int32(index % 7)
                handlers.exit = { status in
                    if status == .exited(code: code) { exits.withLock { $0[code, default: 0] += 1 } }
                }
                children.append(try ChildProcess.spawn(ProcessConfiguration(command: ["/bin/sh", "-c", "exit \(code)"]), handlers: handlers))
            }
            for (index, child) in children.enumerated() {
                #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: Int32(index % 7)))
            }
            let expected = Dictionary(uniqueKeysWithValues: (0..<7).map { (Int32($0), $0 < 2 ? 15 : 14) })
            #expect(exits.withLock { $0 } == expected)
            #expect(ProcessTable.zombieChildren(among: children.map(\.pid)).isEmpty)
        }

        @Test("every pipe descriptor of a child is closed once its exit is reported")
        func noDescriptorLeak() throws {
            // Checked by pipe identity, not by count: other suites open descriptors in parallel.
            var opened: [(fd: Int32, target: String?)] = []
            for _ in 0..<10 {
                let output = OutputCollector()
                let child = try ChildProcess.spawn(ProcessConfiguration(command: ["cat"]), handlers: output.handlers)
                defer { child.kill() }
                #expect(child.descriptors.count == 5)
                opened += child.descriptors.map { ($0, ProcessTable.descriptorTarget($0)) }
                #expect(child.write(Array("x\n".utf8)) == .accepted)
                #expect(output.wait { $0 == "x\n" })
                #expect(child.signalGroup(.kill))
                #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .signaled(signal: 9, coreDumped: false))
            }
            #expect(opened.allSatisfy { $0.target?.hasPrefix("pipe:[") == true })
            // A number may be reused by another suite running in parallel, but never for the same pipe.
            #expect(opened.filter { ProcessTable.descriptorTarget($0.fd) == $0.target }.map(\.fd) == [])
            #expect(throws: SpawnError.self) { try ChildProcess.spawn(ProcessConfiguration(command: ["/nonexistent"])) }
            // Passes the lookup but fails in execve (ENOEXEC), after the pipes were made.
            let directory = try Fixture.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let garbage = directory + "/garbage"
            #expect(FileManager.default.createFile(atPath: garbage, contents: Data([0, 1, 2, 3]), attributes: [.posixPermissions: 0o755]))
            #expect {
                try ChildProcess.spawn(ProcessConfiguration(command: [garbage]))
            } throws: { error in
                (error as? SpawnError)?.code == .permissionDenied && (error as? SpawnError)?.errno == 8
            }
        }
    }
}
