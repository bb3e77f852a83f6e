import EngineSDK
import Foundation
import Testing
import Wire

@Suite("Output backlog: stdout bytes queued or being written are counted, and producers wait at the bound")
struct OutputBacklogTests {
    @Test("bytes count the outbox and the batch being written, and go back to zero once written")
    func accounting() {
        var backlog = OutputBacklog()
        backlog.queued(100)
        backlog.took()
        backlog.queued(30)
        #expect(backlog.bytes == 130 && backlog.writingBytes == 100 && backlog.queuedBytes == 30)
        #expect(backlog.isFull(bytesMax: 130) && !backlog.isFull(bytesMax: 131))
        #expect(backlog.wrote().isEmpty)
        backlog.took()
        #expect(backlog.wrote().isEmpty)
        #expect(backlog.bytes == 0 && backlog.bytesHighWater == 130)
    }

    @Test("waiters are woken once per written batch; the first wait of a full spell is flagged")
    func waiters() {
        var backlog = OutputBacklog()
        backlog.queued(10)
        backlog.took()
        #expect(backlog.wait().firstOfSpell)
        #expect(!backlog.wait().firstOfSpell)
        #expect(backlog.wrote().count == 2)
        #expect(backlog.waits == 2)
        #expect(backlog.wait().firstOfSpell)
    }

    @Test("only stdout lines count", arguments: [0, 1, 7])
    func writeBytes(lines: Int) {
        var actions: [EngineSession.Action] = [.checkHealth, .cancelTimer(.heartbeat)]
        for _ in 0..<lines { actions.append(.write(Array("{}\n".utf8))) }
        #expect(OutputBacklog.writeBytes(actions) == 3 * lines)
    }

    @Test("config key outputQueueBytesMax: from the environment, range-checked; absent means nil")
    func configKey() throws {
        let loaded = try EngineConfigLoader(arguments: [], environment: ["LINGOSUB_OUTPUT_QUEUE_BYTES_MAX": "65536"]) { _ in [] }.load()
        #expect(loaded.outputQueueBytesMax == 65_536)
        #expect(EngineConfig.default.outputQueueBytesMax == nil)
        let loader = EngineConfigLoader(arguments: [], environment: ["LINGOSUB_OUTPUT_QUEUE_BYTES_MAX": "100"]) { _ in [] }
        #expect(throws: ConfigError(.invalidValue, key: "outputQueueBytesMax", source: "env:LINGOSUB_OUTPUT_QUEUE_BYTES_MAX",
                                    reason: "must be an integer in 65536...17179869184")) { try loader.load() }
    }
}
