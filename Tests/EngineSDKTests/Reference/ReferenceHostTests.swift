import EngineSDK
import ReferenceEngine
import Testing
import Wire

@Suite("lsref under a virtual clock: the same session machine and planner, no real waiting")
struct ReferenceHostTests {
    static let initialize = LsrefProcessTests.initialize
    static let transcribe = #"{"jsonrpc":"2.0","id":2,"method":"transcribe","params":{"audio":{"path":"/data/hello.wav"},"language":"en","options":{}}}"#

    static func files() throws -> [String: [UInt8]] {
        ["/data/hello.wav": try Fixtures.bytes("Examples/audio/hello.wav"), "/data/hello.txt": try Fixtures.bytes("Examples/audio/hello.txt")]
    }

    @Test("the README session, byte for byte, with exact virtual timings")
    func readmeSession() throws {
        var process = VirtualProcess(files: try Self.files())
        process.send(Self.initialize)
        process.send(Self.transcribe)
        process.advance(to: 59)
        let early = process.takeLines()
        #expect(early.count == 6)
        #expect(early.first == LsrefProcessTests.initializeResult)
        process.advance(to: 60)
        let final = process.takeLines()
        #expect(final.count == 2)
        #expect(final.first == #"{"jsonrpc":"2.0","method":"progress","params":{"id":2,"fraction":1.0,"stage":"finalizing"}}"#)
        #expect(final.last?.hasSuffix(#""metrics":{"processingMs":60,"realTimeFactor":0.016}}}"#) == true)
        process.advance(to: 1_000)
        process.send(#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"#)
        process.send(#"{"jsonrpc":"2.0","id":4,"method":"summarize"}"#)
        process.send(#"{"jsonrpc":"2.0","id":5,"method":"#)
        process.send(#"{"jsonrpc":"2.0","id":6,"method":"stop"}"#)
        #expect(process.takeLines() == [
            #"{"jsonrpc":"2.0","id":3,"result":{"status":"ok","detail":{"activeRequests":0}}}"#,
            #"{"jsonrpc":"2.0","id":4,"error":{"code":-32601,"message":"Method not found","data":{"name":"method_not_found","reason":"unknown method 'summarize'"}}}"#,
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error","data":{"name":"parse_error","reason":"invalid_json: unexpected_end at byte 33"}}}"#,
            #"{"jsonrpc":"2.0","id":6,"result":null}"#,
        ])
        #expect(process.exitCode == 0)
        #expect(process.pendingTimers.isEmpty)
    }

    @Test("heartbeats, also slowed down, fire exactly at their deadline, not a millisecond before", arguments: [100, 300])
    func heartbeats(percent: Int) throws {
        var behaviour = ReferenceBehaviour()
        behaviour.heartbeatPercent = percent
        var process = VirtualProcess(behaviour: behaviour, files: [:])
        process.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"},"heartbeatIntervalMs":1000}}"#)
        _ = process.takeLines()
        let dueMs = 10 * percent
        process.advance(to: dueMs - 1)
        #expect(process.takeLines() == [])
        process.advance(to: dueMs)
        #expect(process.takeLines() == [#"{"jsonrpc":"2.0","method":"heartbeat","params":{"seq":1,"uptimeMs":\#(dueMs)}}"#])
    }

    @Test("a loading model answers health loading, and a transcribe waits for it")
    func loading() throws {
        var behaviour = ReferenceBehaviour()
        behaviour.loadingMs = 500
        var process = VirtualProcess(behaviour: behaviour, files: try Self.files())
        process.send(Self.initialize)
        process.send(Self.transcribe)
        process.send(#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"#)
        process.advance(to: 499)
        #expect(process.takeLines().last == #"{"jsonrpc":"2.0","id":3,"result":{"status":"loading","detail":{"reason":"model loading","activeRequests":1}}}"#)
        process.advance(to: 560)
        #expect(process.takeLines().last?.hasSuffix(#""metrics":{"processingMs":560,"realTimeFactor":0.153}}}"#) == true)
    }

    @Test("the start-up delay holds stdin back and the banner comes first")
    func startupDelay() throws {
        var behaviour = ReferenceBehaviour()
        behaviour.startupDelayMs = 300
        behaviour.banner = true
        var process = VirtualProcess(behaviour: behaviour, files: [:])
        process.send(Self.initialize)
        process.advance(to: 299)
        #expect(process.takeLines() == ["lsref 0.1.0 starting"])
        process.advance(to: 300)
        #expect(process.takeLines() == [LsrefProcessTests.initializeResult])
    }

    @Test("crash after the first request: exit 3 and no reply")
    func crash() throws {
        var behaviour = ReferenceBehaviour()
        behaviour.crashAfterRequests = 1
        var process = VirtualProcess(behaviour: behaviour, files: try Self.files())
        process.send(Self.initialize)
        process.send(Self.transcribe)
        process.advance(to: 1_000)
        #expect(process.takeLines().last == #"{"jsonrpc":"2.0","method":"progress","params":{"id":2,"fraction":1.0,"stage":"finalizing"}}"#)
        #expect(process.exitCode == 3)
    }

    @Test("a hang answers nothing, ignores end of input, and dies on SIGTERM with 143")
    func hang() throws {
        var behaviour = ReferenceBehaviour()
        behaviour.hangAfterRequests = 1
        var process = VirtualProcess(behaviour: behaviour, files: try Self.files())
        process.send(Self.initialize)
        process.send(Self.transcribe)
        process.advance(to: 1_000)
        _ = process.takeLines()
        process.send(#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"#)
        process.signal(.stdinClosed)
        process.advance(to: 60_000)
        #expect(process.takeLines() == [])
        #expect(process.exitCode == nil)
        process.signal(.terminate)
        #expect(process.exitCode == 143)
    }

    @Test("ignore-SIGTERM keeps serving; garbage and oversized lines precede the reply")
    func faultyOutput() throws {
        var behaviour = ReferenceBehaviour()
        behaviour.ignoreTerminate = true
        behaviour.garbageOutput = true
        behaviour.oversizedOutput = true
        var process = VirtualProcess(behaviour: behaviour, files: try Self.files())
        process.send(Self.initialize)
        process.signal(.terminate)
        #expect(process.exitCode == nil)
        process.send(Self.transcribe)
        process.advance(to: 100)
        let lines = process.takeLines()
        #expect(lines[lines.count - 3] == "garbage: this is not JSON")
        #expect(lines[lines.count - 2].utf8.count == 4_194_305)
        #expect(lines[lines.count - 1].hasPrefix(#"{"jsonrpc":"2.0","id":2,"result":"#))
    }
}

@Suite("Examples/lsref-session.md shows what lsref really writes")
struct SessionDocumentTests {
    @Test("every documented stdout line matches the virtual run (metrics aside)")
    func documentMatches() throws {
        let document = try Fixtures.text("Examples/lsref-session.md")
        let documented = document.split(separator: "\n").map(String.init).filter { $0.hasPrefix(#"{"jsonrpc""#) }
        var process = VirtualProcess(files: [
            "Examples/audio/hello.wav": try Fixtures.bytes("Examples/audio/hello.wav"),
            "Examples/audio/hello.txt": try Fixtures.bytes("Examples/audio/hello.txt"),
        ])
        process.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"shell","version":"0"},"heartbeatIntervalMs":0,"config":{}}}"#)
        process.send(#"{"jsonrpc":"2.0","id":2,"method":"transcribe","params":{"audio":{"path":"Examples/audio/hello.wav"},"language":"en","options":{}}}"#)
        process.advance(to: 3_000)
        for line in [#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"#, #"{"jsonrpc":"2.0","id":4,"method":"summarize"}"#,
                     #"{"jsonrpc":"2.0","id":5,"method":"#, #"{"jsonrpc":"2.0","id":6,"method":"stop"}"#] {
            process.send(line)
        }
        func withoutMetrics(_ line: String) -> String {
            guard let range = line.range(of: #","metrics":"#) else { return line }
            return String(line[..<range.lowerBound])
        }
        #expect(process.takeLines().map(withoutMetrics) == documented.map(withoutMetrics))
        #expect(process.exitCode == 0)
    }
}
