import Foundation
import Runtime
import Testing
import Synchronization

extension RealProcessTests {
    @Suite("Output capture")
    struct CaptureTests {
        static let floodBytes = 100 * 1024 * 1024

        @Test("a 100 MB stderr flood while answering on stdout: no deadlock, bounded buffer, rotated logs")
        func stderrFlood() throws {
            let directory = try Fixture.temporaryDirectory()
            defer { try? FileManager.default.removeItem(atPath: directory) }
            var log = LogRotationPolicy(directory: directory, baseName: "flood")
            log.fileBytesMax = 1_048_576
            log.backupFilesMax = 3
            var configuration = Fixture.child("flood", "\(Self.floodBytes)")
            configuration.stderrCapture.log = log
            let output = OutputCollector()
            let child = try ChildProcess.spawn(configuration, handlers: output.handlers)
            defer { child.kill() }
            for index in 0..<50 {
                #expect(child.write(Array("ping \(index)\n".utf8)) == .accepted)
                #expect(output.waitForLine("pong ping \(index)"))
            }
            child.closeStdin()
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(output.lines == (0..<50).map { "pong ping \($0)" })

            let statistics = child.stderrStatistics
            #expect(statistics.bytesRead == UInt64(Self.floodBytes))
            #expect(statistics.bytesLogged + statistics.bytesDropped == UInt64(Self.floodBytes))
            #expect(statistics.bufferBytesHighWater <= configuration.stderrCapture.bufferBytesMax)
            #expect(statistics.logError == nil)
            let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
            #expect(names == ["flood.log", "flood.log.1", "flood.log.2", "flood.log.3"])
            for name in names {
                let size = try FileManager.default.attributesOfItem(atPath: directory + "/" + name)[.size] as? UInt64
                #expect(size.map { $0 > 0 && $0 <= log.fileBytesMax } == true, "\(name): \(size ?? 0) B")
            }
            #expect(child.stderrTail.count == configuration.stderrCapture.tailLinesMax)
            #expect(child.stderrTail.last == String(repeating: "x", count: 1023))
        }

        @Test("stderr lines reach the line handler and the tail, the last unterminated one included, however batched",
            arguments: [0, 2, 50])
        func stderrLines(batchMs: Int) throws {
            let script = "import sys\nfor i in range(60): sys.stderr.write(f'line {i}\\n')\nsys.stderr.write('partial')\n"
            var configuration = ProcessConfiguration(command: [Fixture.python, "-c", script])
            configuration.stderrCapture.tailLinesMax = 3
            configuration.stderrCapture.batchMs = batchMs
            let lines = Mutex<[String]>([])
            var handlers = ChildProcess.Handlers()
            handlers.standardErrorLine = { line in lines.withLock { $0.append(line) } }
            let child = try ChildProcess.spawn(configuration, handlers: handlers)
            defer { child.kill() }
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(lines.withLock { $0 } == (0..<60).map { "line \($0)" })
            #expect(child.stderrTail == ["line 58", "line 59", "partial"])
            #expect(child.stderrStatistics.bytesDropped == 0)
        }

        @Test("writing to a child that closed its stdin is a closed value, not a crash or a hang")
        func brokenPipe() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(Fixture.child("close-stdin"), handlers: output.handlers)
            defer { child.kill() }
            #expect(output.waitForLine("ready"))
            // Nothing is queued, so the write is tried inline and meets EPIPE at once.
            #expect(child.write(Array("into the void\n".utf8)) == .closed)
            #expect(child.waitForStdinClosed(timeoutMs: Fixture.waitMs))
            #expect(child.write(Array("more\n".utf8)) == .closed)
            #expect(child.stdinFailure == "Broken pipe (errno 32)")
            #expect(child.exitStatus == nil)
        }

        @Test("a full stdin queue refuses instead of blocking the caller")
        func stdinQueueFull() throws {
            var configuration = Fixture.child("ignore-term")  // never reads stdin
            configuration.stdinQueueBytesMax = 1_024
            let output = OutputCollector()
            let child = try ChildProcess.spawn(configuration, handlers: output.handlers)
            defer { child.kill() }
            #expect(output.waitForLine("ready"))
            var results: [StdinWriteResult] = []
            for _ in 0..<200 {  // 200 × 1 KiB: far past the 64 KiB pipe and the 1 KiB queue
                results.append(child.write([UInt8](repeating: 0x61, count: 1_024)))
            }
            #expect(results.contains(.queueFull))
            #expect(results.first == .accepted)
        }
    }
}
