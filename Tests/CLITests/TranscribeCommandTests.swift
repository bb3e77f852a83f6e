import Foundation
import LingosubCLI
import Testing
import Wire

@Suite("lingosub transcribe on real lsref processes", .serialized)
struct TranscribeCommandTests {
    static let helloSRT = """
        1
        00:00:00,292 --> 00:00:03,500
        hello world this is
        the lingo sub sidecar kit


        """

    @Test("the README command prints hello.wav's SRT and the engine's progress")
    func helloSRT() {
        let result = EngineFixture.transcribe(["Examples/audio/hello.wav", "--engine", "ref=lsref", "--format", "srt"])
        #expect(result.code == 0)
        #expect(result.out == Self.helloSRT)
        #expect(result.err.contains("engine ref: ready"))
        #expect(result.err.contains("hello.wav [ref] 100%\n"))
    }

    @Test("WebVTT output has the header and dot-separated times")
    func helloVTT() {
        let result = EngineFixture.transcribe([EngineFixture.hello, "--engine", "ref=lsref", "--format", "vtt", "--quiet"])
        #expect(result.code == 0)
        #expect(result.out == "WEBVTT\n\n00:00:00.292 --> 00:00:03.500\nhello world this is\nthe lingo sub sidecar kit\n\n")
        #expect(result.err == "")
    }

    @Test("WebVTT escapes &, < and > in the engine's words, so -->  never reaches cue text")
    func vttEscaping() throws {
        let directory = TemporaryDirectory()
        let audio = directory.path + "/special.wav"
        try FileManager.default.copyItem(atPath: EngineFixture.hello, toPath: audio)
        directory.write("special.txt", "fish & chips <b> a --> b\n")
        let result = EngineFixture.transcribe([audio, "--engine", "ref=lsref", "--format", "vtt", "--quiet"])
        #expect(result.code == 0)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "WEBVTT")
        #expect(result.out.contains("fish &amp; chips &lt;b&gt;"))
        #expect(result.out.contains("--&gt;"))
        #expect(lines.filter { $0.contains("-->") }.allSatisfy { $0.wholeMatch(of: /\d\d:\d\d:\d\d\.\d{3} --> \d\d:\d\d:\d\d\.\d{3}/) != nil })
    }

    @Test("JSON output carries every engine's segments, in --engine order")
    func jsonTwoEngines() throws {
        let result = EngineFixture.transcribe([
            EngineFixture.hello, "--engine", "a=lsref", "--engine", "b=lsref --words-per-segment 3", "--quiet",
        ])
        #expect(result.code == 0)
        let value = try JSONParser.parse(result.out)
        #expect(value["audio"]?.stringValue == EngineFixture.hello)
        let results = try #require(value["results"]?.arrayValue)
        #expect(results.map { $0["engine"]?.stringValue } == ["a", "b"])
        #expect(results.map { $0["status"]?.stringValue } == ["completed", "completed"])
        let a = try Transcript(json: try #require(results[0]["transcript"]))
        let b = try Transcript(json: try #require(results[1]["transcript"]))
        #expect(a.segments.map(\.text) == ["hello world this is the", "lingo sub sidecar kit"])
        #expect(b.segments.map(\.text) == ["hello world this", "is the lingo", "sub sidecar kit"])
    }

    @Test("missing audio exits 1 with the engine's -32010 error, in stderr and in the JSON")
    func missingAudio() throws {
        let result = EngineFixture.transcribe(["/nonexistent/missing.wav", "--engine", "ref=lsref", "--quiet"])
        #expect(result.code == 1)
        #expect(result.err == "lingosub transcribe: /nonexistent/missing.wav: engine ref failed: engine_error -32010: ref: Audio not found (no such file or not readable)\n")
        let error = try JSONParser.parse(result.out)["results"]?.arrayValue?.first?["error"]
        #expect(error?["code"]?.stringValue == "engine_error")
        #expect(error?["engineCode"]?.intValue == -32010)
    }

    @Test("--out PATH writes one file; --out DIR writes <audio name>.<format> per file; stdout stays empty")
    func outPaths() throws {
        let directory = TemporaryDirectory()
        let single = EngineFixture.transcribe([EngineFixture.hello, "--engine", "ref=lsref", "--quiet", "--out", directory.path + "/result.json"])
        #expect(single.code == 0 && single.out == "")
        #expect(try JSONParser.parse(try #require(directory.read("result.json")))["audio"]?.stringValue == EngineFixture.hello)
        let both = EngineFixture.transcribe(
            [EngineFixture.hello, EngineFixture.count, "--engine", "ref=lsref", "--quiet", "--format", "vtt", "--out", directory.path])
        #expect(both.code == 0 && both.out == "")
        #expect(directory.read("hello.vtt")?.hasPrefix("WEBVTT\n\n00:00:00.292 --> 00:00:03.500\n") == true)
        #expect(directory.read("count.vtt")?.hasPrefix("WEBVTT\n") == true)
    }

    @Test("relative audio paths are made absolute before they are sent")
    func relativePath() throws {
        let result = EngineFixture.transcribe(["Examples/audio/count.wav", "--engine", "ref=lsref", "--quiet"])
        #expect(result.code == 0)
        #expect(try JSONParser.parse(result.out)["audio"]?.stringValue == EngineFixture.count)
    }

    @Test("an engine crashing mid-request is restarted and the request succeeds on the new process")
    func crashRestartSucceeds() throws {
        let directory = TemporaryDirectory()
        let result = EngineFixture.transcribe(
            [EngineFixture.hello, EngineFixture.count, "--engine", "ref=lsref --crash-after 2",
             "--format", "srt", "--out", directory.path + "/"],
            EngineFixture.environment(EngineFixture.fastRestarts))
        #expect(result.code == 0)
        #expect(result.err.contains("count.wav: engine ref lost the request (engine ref exited: exit 3); queued again (attempt 2)\n"))
        #expect(result.err.contains("engine ref: crashed: crash_exit(3) (exit 3)\n"))
        #expect(result.err.contains("engine ref: restart in 0.02 s (restart 1)\n"))
        #expect(directory.read("hello.srt") == Self.helloSRT)
        #expect(directory.read("count.srt")?.hasPrefix("1\n") == true)
    }

    @Test("an engine crashing on every request ends in a clear quarantine failure")
    func crashLoopFails() {
        let result = EngineFixture.transcribe(
            [EngineFixture.hello, "--engine", "ref=lsref --crash-after 1", "--format", "srt"],
            EngineFixture.environment(EngineFixture.fastRestarts))
        #expect(result.code == 1)
        #expect(result.out == "")
        #expect(result.err.contains("engine ref failed: quarantined"))
    }

    @Test("an engine that may not restart goes to Failed and its diagnostics are printed")
    func failedWithDiagnostics() {
        let result = EngineFixture.transcribe(
            [EngineFixture.hello, "--engine", "ref=lsref --crash-after 1", "--format", "srt"],
            EngineFixture.environment(["LINGOSUB_POLICIES_RESTARTS_MAX": "0"]))
        #expect(result.code == 1)
        #expect(result.err.contains("engine ref: failed: crash_exit(3)\n  cause: crash_exit(3); last exit: exit 3; restarts: 0\n  last stderr lines:\n"))
        #expect(result.err.contains("crashing (fault injection)"))
        #expect(result.err.hasSuffix("lingosub transcribe: \(EngineFixture.hello): engine ref failed: engine_lost: ref failed\n"))
    }

    @Test("with structured logs a failed file is a JSON error line too")
    func structuredFailure() throws {
        let result = EngineFixture.transcribe(["/nonexistent/missing.wav", "--engine", "ref=lsref", "--log-level", "error"])
        #expect(result.code == 1)
        let lines = try result.err.split(separator: "\n").map { try JSONParser.parse(String($0)) }
        #expect(lines.allSatisfy { $0["level"]?.stringValue == "error" })
        let failure = lines.first { $0["message"]?.stringValue == "file not transcribed" }
        #expect(failure?["reason"]?.stringValue == "engine_error -32010: ref: Audio not found (no such file or not readable)")
    }

    @Test("structured logs are JSON lines with task and engine ids, engine stderr included")
    func structuredLogs() throws {
        let result = EngineFixture.transcribe([EngineFixture.hello, "--engine", "ref=lsref", "--log-level", "info"])
        #expect(result.code == 0)
        var lines: [JSONValue] = []
        for line in result.err.split(separator: "\n") { lines.append(try JSONParser.parse(String(line))) }
        let completed = lines.first { $0["message"]?.stringValue == "task.completed" }
        #expect(completed?["task"]?.stringValue == "task-1")
        let engineLine = lines.first { $0["engineLog"]?["message"]?.stringValue == "transcribe finished" }
        #expect(engineLine?["engine"]?.stringValue == "ref")
        #expect(engineLine?["task"]?.stringValue == "task-1")
        #expect(engineLine?["logger"]?.stringValue == "lingosub.engine")
        #expect(!lines.contains { $0["level"]?.stringValue == "debug" })
    }

    @Test("a request still running at --timeout fails with request_timeout")
    func requestTimeout() {
        let result = EngineFixture.transcribe(
            [EngineFixture.hello, "--engine", "ref=lsref --latency-ms 20000", "--timeout", "0.3", "--quiet"])
        #expect(result.code == 1)
        #expect(result.err.hasPrefix("lingosub transcribe: \(EngineFixture.hello): engine ref failed: request_timeout"))
    }

    @Test("usage mistakes exit 2 and name the problem", arguments: [
        ([EngineFixture.hello, "--engine", "ref=lsref", "--priority", "urgent"], "--priority expects low, normal, high or critical"),
        ([EngineFixture.hello], "no engine"),
        (["--engine", "ref=lsref"], "missing AUDIO"),
        ([EngineFixture.hello, "--engine", "ref=lsref", "--format", "docx"], "--format expects json, srt or vtt"),
        ([EngineFixture.hello, EngineFixture.count, "--engine", "ref=lsref", "--format", "srt"], "needs --out DIR"),
        ([EngineFixture.hello, "--engine", "ref=lsref", "--primary", "other"], "--primary other is not one of the engines"),
    ])
    func usageErrors(arguments: [String], message: String) {
        let result = EngineFixture.transcribe(arguments)
        #expect(result.code == 2)
        #expect(result.err.contains(message))
    }

    @Test("an engine that cannot be found fails before anything starts, with a hint")
    func engineNotFound() {
        let result = EngineFixture.transcribe([EngineFixture.hello, "--engine", "x=no-such-engine"])
        #expect(result.code == 3)
        #expect(result.err.hasPrefix("lingosub transcribe: --engine x (flag): 'no-such-engine' not found in PATH"))
        #expect(result.err.contains("run `swift build` first"))
    }
}
