import Dispatch
import Runtime
import Testing

extension RealProcessTests {
    @Suite("Stdin")
    struct StdinTests {
        @Test("8 MiB through cat in 64 KiB writes comes back byte for byte")
        func largeTransfer() throws {
            var configuration = ProcessConfiguration(command: ["cat"])
            configuration.stdinQueueBytesMax = 16 * 1024 * 1024
            let output = OutputCollector()
            let child = try ChildProcess.spawn(configuration, handlers: output.handlers)
            defer { child.kill() }
            let chunk = (0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            var expected: [UInt8] = []
            for index in 0..<128 {
                let piece = chunk.map { $0 ^ UInt8(truncatingIfNeeded: index) }
                expected += piece
                #expect(child.write(piece) == .accepted)
            }
            child.closeStdin()
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            #expect(output.bytes == expected)
        }

        @Test("concurrent writers never interleave the bytes of one write, and each keeps its order")
        func concurrentWriters() throws {
            let output = OutputCollector()
            let child = try ChildProcess.spawn(ProcessConfiguration(command: ["cat"]), handlers: output.handlers)
            defer { child.kill() }
            let padding = String(repeating: "p", count: 300)
            DispatchQueue.concurrentPerform(iterations: 4) { writer in
                for index in 0..<500 {
                    #expect(child.write(Array("\(writer) \(index) \(padding)\n".utf8)) == .accepted)
                }
            }
            child.closeStdin()
            #expect(child.waitForExit(timeoutMs: Fixture.waitMs) == .exited(code: 0))
            let lines = output.lines
            #expect(lines.count == 2_000)
            for writer in 0..<4 {
                let mine = lines.filter { $0.hasPrefix("\(writer) ") }
                #expect(mine == (0..<500).map { "\(writer) \($0) \(padding)" })
            }
        }
    }
}
