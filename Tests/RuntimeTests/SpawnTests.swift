import Foundation
import Runtime
import Testing

extension RealProcessTests {
    @Suite("Spawning")
    struct SpawnTests {
        @Test("bytes written to cat come back on stdout, and closing stdin ends it with code 0")
        func catEchoes() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(ProcessConfiguration(command: ["cat"]), handlers: output.handlers)
            defer { child.kill() }
            #expect(child.executablePath.hasSuffix("/cat"))
            #expect(child.write(Array("hello\n".utf8)) == .accepted)
            #expect(child.write(Array("world\n".utf8)) == .accepted)
            #expect(output.wait { $0 == "hello\nworld\n" })
            child.closeStdin()
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(output.text == "hello\nworld\n")
            #expect(child.write(Array("late".utf8)) == .closed)
        }

        @Test("the child sees exactly the allowlisted and configured variables, sorted")
        func environmentAllowlist() throws {
            var configuration = ProcessConfiguration(command: ["/usr/bin/env"])
            configuration.environment.inheritedNames = ["HOME", "PATH", "LINGOSUB_NOT_SET"]
            configuration.environment.inheritedPrefixes = []
            configuration.environment.variables = ["LINGOSUB_ENGINE": "tiny", "HOME": "/nowhere"]
            let output = OutputCollector()
            let child = try ChildProcess.spawn(configuration, handlers: output.handlers)
            defer { child.kill() }
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
            #expect(output.lines == ["HOME=/nowhere", "LINGOSUB_ENGINE=tiny", "PATH=\(path)"])
        }

        @Test("the default allowlist passes nothing outside it")
        func defaultAllowlist() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(ProcessConfiguration(command: ["/usr/bin/env"]), handlers: output.handlers)
            defer { child.kill() }
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            let expected = EnvironmentPolicy.default.entries(parent: ProcessInfo.processInfo.environment)
            #expect(output.lines == expected)
        }

        @Test("the child runs in the configured working directory")
        func workingDirectory() throws {
            let directory = try Fixture.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var configuration = Fixture.child("cwd")
            configuration.workingDirectory = directory
            let output = OutputCollector()
            let child = try ChildProcess.spawn(configuration, handlers: output.handlers)
            defer { child.kill() }
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(output.lines == [URL(fileURLWithPath: directory).resolvingSymlinksInPath().path])
        }

        @Test("a command that is not on PATH is an executable_not_found error naming it")
        func missingCommand() {
            #expect {
                try ChildProcess.spawn(ProcessConfiguration(command: ["lingosub-no-such-engine"]))
            } throws: { error in
                let spawnError = error as? SpawnError
                return spawnError?.code == .executableNotFound && spawnError?.errno == 2
                    && spawnError?.detail.contains("lingosub-no-such-engine") == true
            }
        }

        @Test("spawn failures come back as coded values", arguments: [
            (["/nonexistent/engine"], nil, SpawnError.Code.executableNotFound),
            ([Fixture.childScript], nil, .permissionDenied),
            (["/tmp"], nil, .permissionDenied),
            ([], nil, .emptyCommand),
            (["cat"], "/nonexistent/directory", .workingDirectoryNotFound),
        ] as [([String], String?, SpawnError.Code)])
        func spawnFailures(command: [String], workingDirectory: String?, code: SpawnError.Code) {
            var configuration = ProcessConfiguration(command: command)
            configuration.workingDirectory = workingDirectory
            #expect {
                try ChildProcess.spawn(configuration)
            } throws: { error in
                (error as? SpawnError)?.code == code
            }
        }
    }
}
