import Foundation
import ReferenceEngine
import EngineSDK
import Testing
import Wire

@Suite("The built lsref binary reproduces the README session", .serialized)
struct LsrefProcessTests {
    typealias H = SessionHarness

    static let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"test","version":"0"},"heartbeatIntervalMs":0,"config":{}}}"#
    static let initializeResult = #"{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"1.0","engine":{"name":"lsref","version":"0.1.0"},"capabilities":{"languages":["en","de"],"drafts":true,"wordTimestamps":true,"wordConfidence":true,"maxConcurrentRequests":2},"limits":{"maxMessageBytes":4194304}}}"#

    /// lsref's default plans wait between steps (the SDK's async path); `--step-ms 0` plans do not,
    /// so the SDK runs them on its reader thread (`ImmediateSpeechEngine`). Both write the same lines.
    static let paths: [[String]] = [[], ["--step-ms", "0"]]

    @Test("initialize, transcribe with progress and drafts, health_check, -32601, -32700, stop and exit 0", arguments: paths)
    func readmeSession(arguments: [String]) throws {
        let lsref = try LsrefProcess(arguments: arguments)
        lsref.send(Self.initialize)
        lsref.send(#"{"jsonrpc":"2.0","id":2,"method":"transcribe","params":{"audio":{"path":"Examples/audio/hello.wav"},"language":"en","options":{}}}"#)
        let lines = lsref.readLines(through: #"{"jsonrpc":"2.0","id":2,"#)
        try #require(lines.count == 8)
        #expect(lines[0] == Self.initializeResult)
        let audio = try Fixtures.bytes("Examples/audio/hello.wav")
        let expected = try ReferencePlanner.transcribe(
            audio: audio, transcriptText: try Fixtures.text("Examples/audio/hello.txt"),
            request: TranscriptionRequest(id: 2, audioPath: "x", language: "en"), behaviour: ReferenceBehaviour()).get()
        let progress = { (fraction: String, stage: String) in #"{"jsonrpc":"2.0","method":"progress","params":{"id":2,"fraction":\#(fraction),"stage":"\#(stage)"}}"# }
        let draft = { (seq: Int) in #"{"jsonrpc":"2.0","method":"draft","params":{"id":2,"seq":\#(seq),"segment":\#(expected.segments[seq - 1].json.serializedString)}}"# }
        #expect(Array(lines[1...6]) == [progress("0.0", "loading_audio"), progress("0.333", "decoding"), draft(1),
                                         progress("0.667", "decoding"), draft(2), progress("1.0", "finalizing")])
        let result = try JSONParser.parse(Array(lines[7].utf8))
        #expect(result["id"] == .number(JSONNumber(2)))
        #expect(try Transcript(json: result["result"] ?? .null) == expected)
        #expect(result["result"]?["metrics"]?["processingMs"]?.intValue != nil)

        lsref.send(#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","id":3,"result":{"status":"ok","detail":{"activeRequests":0}}}"#)
        lsref.send(#"{"jsonrpc":"2.0","id":4,"method":"summarize"}"#)
        #expect(lsref.readLine().map { $0 + "\n" } == H.error("4", -32601, "Method not found", "method_not_found", "unknown method 'summarize'"))
        lsref.send(#"{"jsonrpc":"2.0","id":5,"method":"#)
        #expect(lsref.readLine()?.hasPrefix(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"#) == true)
        lsref.send(#"{"jsonrpc":"2.0","id":6,"method":"stop"}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","id":6,"result":null}"#)
        #expect(lsref.readLine() == nil)
        #expect(lsref.waitForExit() == 0)
    }

    @Test("with no --loading-ms the model is ready before the next line is read: the first health_check says ok")
    func readyAtOnce() throws {
        let lsref = try LsrefProcess(arguments: ["--step-ms", "0"])
        lsref.send(Self.initialize)
        #expect(lsref.readLine() == Self.initializeResult)
        lsref.send(#"{"jsonrpc":"2.0","id":2,"method":"health_check"}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","id":2,"result":{"status":"ok","detail":{"activeRequests":0}}}"#)
        lsref.send(#"{"jsonrpc":"2.0","id":3,"method":"get_status"}"#)
        #expect(lsref.readLine()?.hasPrefix(#"{"jsonrpc":"2.0","id":3,"result":{"state":"ready","activeRequests":0,"#) == true)
        lsref.closeInput()
        #expect(lsref.waitForExit() == 0)
    }

    @Test("with --step-ms 0, garbage and oversized lines still precede the reply, and a transcription that arrives with stop gets -32030")
    func immediateFaults() throws {
        let lsref = try LsrefProcess(arguments: ["--step-ms", "0", "--garbage-output"])
        lsref.send(Self.initialize)
        #expect(lsref.readLine() == Self.initializeResult)
        lsref.send(#"{"jsonrpc":"2.0","id":2,"method":"transcribe","params":{"audio":{"path":"Examples/audio/hello.wav"}}}"#)
        let lines = lsref.readLines(through: #"{"jsonrpc":"2.0","id":2,"#)
        #expect(lines.count == 8)
        #expect(lines.dropLast().last == "garbage: this is not JSON")
        lsref.send(#"{"jsonrpc":"2.0","id":3,"method":"transcribe","params":{"audio":{"path":"Examples/audio/hello.wav"}}}"# + "\n"
                   + #"{"jsonrpc":"2.0","id":4,"method":"stop"}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","id":3,"error":{"code":-32030,"message":"Shutting down","data":{"name":"shutting_down","reason":"the engine is stopping"}}}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","id":4,"result":null}"#)
        #expect(lsref.readLine() == nil)
        #expect(lsref.waitForExit() == 0)
    }

    @Test("closing stdin ends lsref with status 0 even while a transcription runs (5.6-MUST-1)")
    func endOfInput() throws {
        let lsref = try LsrefProcess(arguments: ["--latency-ms", "60000"])
        lsref.send(Self.initialize)
        #expect(lsref.readLine() == Self.initializeResult)
        lsref.send(#"{"jsonrpc":"2.0","id":2,"method":"transcribe","params":{"audio":{"path":"Examples/audio/count.wav"}}}"#)
        lsref.closeInput()
        #expect(lsref.waitForExit() == 0)
    }

    @Test("SIGTERM ends lsref with status 0 (5.7-MUST-1)", arguments: paths)
    func terminate(arguments: [String]) throws {
        let lsref = try LsrefProcess(arguments: arguments)
        lsref.send(Self.initialize)
        #expect(lsref.readLine() == Self.initializeResult)
        kill(lsref.process.processIdentifier, SIGTERM)
        #expect(lsref.waitForExit() == 0)
    }

    @Test("fault switches: a banner first, a crash with its exit code instead of a reply", arguments: paths)
    func faults(arguments: [String]) throws {
        let lsref = try LsrefProcess(arguments: arguments, environment: ["LSREF_BANNER": "1", "LSREF_CRASH_AFTER": "1", "LSREF_CRASH_EXIT_CODE": "7"])
        #expect(lsref.readLine() == "lsref 0.1.0 starting")
        lsref.send(Self.initialize)
        #expect(lsref.readLine() == Self.initializeResult)
        lsref.send(#"{"jsonrpc":"2.0","id":2,"method":"transcribe","params":{"audio":{"path":"Examples/audio/hello.wav"}}}"#)
        let lines = lsref.readLines(through: #"{"jsonrpc":"2.0","id":2,"#)
        #expect(lines.last == #"{"jsonrpc":"2.0","method":"progress","params":{"id":2,"fraction":1.0,"stage":"finalizing"}}"#)
        #expect(lsref.waitForExit() == 7)
    }

    @Test("a missing file is -32010 and a non-WAV file is -32011 (10.1)", arguments: paths)
    func audioErrors(arguments: [String]) throws {
        let lsref = try LsrefProcess(arguments: arguments)
        lsref.send(Self.initialize)
        #expect(lsref.readLine() == Self.initializeResult)
        lsref.send(#"{"jsonrpc":"2.0","id":2,"method":"transcribe","params":{"audio":{"path":"/no/such.wav"}}}"#)
        #expect(lsref.readLine().map { $0 + "\n" } == H.error("2", -32010, "Audio not found", "audio_not_found", "no such file or not readable", extra: #","path":"/no/such.wav""#))
        lsref.send(#"{"jsonrpc":"2.0","id":3,"method":"transcribe","params":{"audio":{"path":"Examples/audio/hello.txt"}}}"#)
        #expect(lsref.readLine().map { $0 + "\n" } == H.error("3", -32011, "Unsupported audio format", "audio_unsupported_format", "not_riff: no RIFF header", extra: #","path":"Examples/audio/hello.txt""#))
        lsref.closeInput()
        #expect(lsref.waitForExit() == 0)
    }

    @Test("health_check and cancel are answered while a transcription runs; print() never reaches stdout (9.1, 7.1, 2.1)")
    func busyEngine() throws {
        let lsref = try LsrefProcess(arguments: ["--latency-ms", "20000", "--stray-print"])
        lsref.send(Self.initialize)
        #expect(lsref.readLine() == Self.initializeResult)
        lsref.send(#"{"jsonrpc":"2.0","id":"job-7","method":"transcribe","params":{"audio":{"path":"Examples/audio/count.wav"},"language":null,"options":{}}}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","method":"progress","params":{"id":"job-7","fraction":0.0,"stage":"loading_audio"}}"#)
        lsref.send(#"{"jsonrpc":"2.0","id":3,"method":"health_check"}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","id":3,"result":{"status":"ok","detail":{"activeRequests":1}}}"#)
        lsref.send(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":"job-7"}}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","id":"job-7","error":{"code":-32800,"message":"Request cancelled","data":{"name":"request_cancelled","reason":"cancelled by the coordinator"}}}"#)
        lsref.send(#"{"jsonrpc":"2.0","id":8,"method":"stop"}"#)
        #expect(lsref.readLine() == #"{"jsonrpc":"2.0","id":8,"result":null}"#)
        #expect(lsref.readLine() == nil)
        #expect(lsref.waitForExit() == 0)
    }

    @Test("restart answers the running transcription -32800, reloads, then answers null; heartbeats keep coming (6.5, 7.2)")
    func restartAndHeartbeats() throws {
        let lsref = try LsrefProcess(arguments: ["--latency-ms", "20000", "--loading-ms", "200"])
        lsref.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"test","version":"0"},"heartbeatIntervalMs":100}}"#)
        #expect(lsref.readLine() == Self.initializeResult)
        lsref.send(#"{"jsonrpc":"2.0","id":2,"method":"transcribe","params":{"audio":{"path":"Examples/audio/hello.wav"}}}"#)
        let started = lsref.readLines(through: #"{"jsonrpc":"2.0","method":"progress","params":{"id":2,"#)
        #expect(started.filter { $0.contains(#""method":"heartbeat""#) }.count == started.count - 1)
        lsref.send(#"{"jsonrpc":"2.0","id":3,"method":"restart"}"#)
        let restarted = lsref.readLines(through: #"{"jsonrpc":"2.0","id":3,"#)
        let replies = restarted.filter { !$0.contains(#""method":"heartbeat""#) }
        #expect(replies == [
            #"{"jsonrpc":"2.0","id":2,"error":{"code":-32800,"message":"Request cancelled","data":{"name":"request_cancelled","reason":"cancelled by restart"}}}"#,
            #"{"jsonrpc":"2.0","id":3,"result":null}"#,
        ])
        lsref.send(#"{"jsonrpc":"2.0","id":4,"method":"stop"}"#)
        #expect(lsref.readLines(through: #"{"jsonrpc":"2.0","id":4,"#).last == #"{"jsonrpc":"2.0","id":4,"result":null}"#)
        #expect(lsref.readLine() == nil)
        #expect(lsref.waitForExit() == 0)
    }
}
