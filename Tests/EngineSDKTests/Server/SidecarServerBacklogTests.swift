import Dispatch
import EngineSDK
import Foundation
import Testing
import Wire

/// An engine that is ready at once and never transcribes (the cases here use other methods).
private struct ReadyEngine: ImmediateSpeechEngine {
    var descriptor: EngineDescriptor { EngineDescriptor(name: "backlog", version: "0") }
    func loadImmediately(_ config: EngineConfig) throws -> Bool { true }
    func transcribe(_ request: TranscriptionRequest, reporter: TranscriptionReporter, cancellation: CancellationSignal) async throws -> Transcript {
        throw EngineError(.engineFailure, reason: "not used")
    }
}

@Suite("SidecarServer output: a coordinator that stops reading stdout makes producers wait at the bound; nothing is lost")
struct SidecarServerBacklogTests {
    static let bytesMax = 65_536
    static let ids = 1_000...1_999

    /// A request for an unknown method: its -32601 reply has the same length for every 4-digit id.
    static func request(_ id: Int) -> [UInt8] { Array(#"{"jsonrpc":"2.0","id":\#(id),"method":"no_such"}"#.utf8) + [0x0A] }

    static func makeServer(_ output: GatedOutput) -> SidecarServer {
        var config = EngineConfig()
        config.outputQueueBytesMax = bytesMax
        return SidecarServer(engine: ReadyEngine(), config: config, options: SidecarOptions(), output: output.sink,
                             logger: SidecarLogger(name: "test", levelMin: .error))
    }

    /// Runs `body` on a new thread; the semaphore is signalled when it returns.
    static func spawn(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        Thread { body(); done.signal() }.start()
        return done
    }

    @Test("the backlog stops at the first reply that reaches the bound, then every reply is written in order")
    func producerWaitsAtTheBound() throws {
        let output = GatedOutput()
        let server = Self.makeServer(output)
        let initialize = Array(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"}}}"#.utf8) + [0x0A]
        server.submit { session, now in session.receive(initialize, now: now) }
        let handshake = output.bytes
        output.close()

        // The "reader" becomes the drainer and blocks in write(2) with the first reply.
        let first = Self.ids.lowerBound
        let reader = Self.spawn { server.submit { session, now in session.receive(Self.request(first), now: now) } }
        output.writerBlocked.wait()
        // Another producer adds replies until the backlog reaches the bound, then waits.
        let producer = Self.spawn {
            for id in Self.ids.dropFirst() { server.submit { session, now in session.receive(Self.request(id), now: now) } }
        }
        output.producerBlocked.wait()
        let full = server.outputBacklog
        let writtenWhileFull = output.bytes
        // SIGTERM and end of input never wait: they are admitted over the bound.
        server.submit(mayWait: false) { session, now in session.receive(Self.request(2_000), now: now) }
        let overBound = server.outputBacklog

        output.open()
        reader.wait()
        producer.wait()
        let replies = Self.replyLines(output.bytes).dropFirst()
        let replyBytes = try #require(replies.first).count
        #expect(Set(replies.map { $0.count }) == [replyBytes])
        let admitted = (Self.bytesMax + replyBytes - 1) / replyBytes
        #expect(full.bytes == admitted * replyBytes)
        #expect(full.writingBytes == replyBytes)
        #expect(full.waits == 1)
        #expect(writtenWhileFull == handshake)
        #expect(overBound.bytes == (admitted + 1) * replyBytes)
        let drained = server.outputBacklog
        #expect(drained.bytes == 0)
        #expect(drained.bytesHighWater >= Self.bytesMax && drained.bytesHighWater <= Self.bytesMax + 2 * replyBytes)
        var ids: [Int] = []
        for line in replies { ids.append(try Self.replyID(line)) }
        #expect(ids.count == Self.ids.count + 1)
        #expect(Set(ids) == Set(Array(Self.ids) + [2_000]))
        #expect(Array(ids.filter { $0 != 2_000 }) == Array(Self.ids))
    }

    static func replyLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        bytes.split(separator: 0x0A, omittingEmptySubsequences: true).map { $0 + [0x0A] }
    }

    static func replyID(_ line: ArraySlice<UInt8>) throws -> Int {
        (try JSONParser.parse(line.dropLast()))["id"]?.intValue ?? -1
    }
}
