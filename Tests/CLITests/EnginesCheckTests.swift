import LingosubCLI
import Testing

@Suite("lingosub engines check on real lsref processes", .serialized)
struct EnginesCheckTests {
    /// The report with durations blanked: `  name  … ms  note`.
    static func shape(_ report: String) -> [String] {
        report.split(separator: "\n").map { line in
            guard line.hasPrefix("  ") else { return String(line) }
            let words = line.split(separator: " ", omittingEmptySubsequences: true)
            return ([String(words[0]), "N", "ms"] + words.dropFirst(3).map(String.init)).joined(separator: " ")
        }
    }

    @Test("a healthy engine passes: stage timings, a health check, a tone transcription, a stop")
    func healthyEngine() {
        let result = EngineFixture.engines(["check", "--engine", "ref=lsref"])
        #expect(result.code == 0)
        var lines = Self.shape(result.out)
        #expect(lines.first?.hasPrefix("engine ref: /") == true)
        #expect(lines.first?.hasSuffix("/lsref") == true)
        lines.removeFirst()
        // lsref may or may not still be loading at the first health check.
        lines.removeAll { $0 == "loading N ms" }
        #expect(lines.count == 7)
        #expect(lines[0] == "spawning_process N ms")
        #expect(lines[1] == "waiting_for_health N ms initialize handshake, first health check")
        #expect(lines[2].hasPrefix("ready N ms total startup; pid "))
        #expect(lines[3] == "health_check N ms ok")
        #expect(lines[4] == "transcribe N ms \"hello world\" (tone sample of \"hello world\")")
        #expect(lines[5] == "stop N ms stop request, exit")
        #expect(lines[6] == "ok")
    }

    @Test("an engine that crashes on its transcription fails the check with exit 1")
    func crashingEngine() {
        let result = EngineFixture.engines(["check", "--engine", "ref=lsref --crash-after 1"])
        #expect(result.code == 1)
        #expect(result.out.contains("\nFAILED: engine failed: crash_exit(3)\n  cause: crash_exit(3); last exit: exit 3; restarts: 0\n"))
        #expect(result.out.contains("crashing (fault injection)"))
    }

    @Test("without the action or an engine it is a usage error", arguments: [
        [String](), ["check"], ["verify", "--engine", "ref=lsref"],
    ])
    func usage(arguments: [String]) {
        #expect(EngineFixture.engines(arguments).code == 2)
    }

    @Test("an engine named twice is a configuration error, as for transcribe (it used to be checked twice)")
    func duplicateName() {
        let result = EngineFixture.engines(["check", "--engine", "a=lsref", "--engine", "a=lsref --latency-ms 5"])
        #expect(result.code == 3)
        #expect(result.out == "")
        #expect(result.err == "lingosub engines: --engine (flag): engine a given twice\n")
    }
}
