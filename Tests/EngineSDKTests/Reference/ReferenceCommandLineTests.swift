import EngineSDK
import ReferenceEngine
import Testing

@Suite("lsref's switches come from flags and LSREF_* variables; a flag wins")
struct ReferenceCommandLineTests {
    @Test("flags and variables set the behaviour")
    func parse() throws {
        let parsed = try ReferenceCommandLine.parse(
            arguments: ["--latency-ms", "250", "--garbage-output", "--health=error", "--config", "/c.json", "--languages", "en,zh"],
            environment: ["LSREF_LATENCY_MS": "9", "LSREF_CRASH_AFTER": "3", "LSREF_BANNER": "1", "LSREF_IGNORE_SIGTERM": "true"])
        var expected = ReferenceBehaviour()
        expected.latencyMs = 250
        expected.garbageOutput = true
        expected.health = .error
        expected.languages = ["en", "zh"]
        expected.crashAfterRequests = 3
        expected.banner = true
        expected.ignoreTerminate = true
        #expect(parsed == .run(expected))
    }

    @Test("--help wins", arguments: [["--help"], ["--latency-ms", "1", "-h"]])
    func help(arguments: [String]) throws {
        #expect(try ReferenceCommandLine.parse(arguments: arguments, environment: [:]) == .help)
    }

    @Test("the help lists every flag with its variable")
    func helpText() {
        for name in ["--startup-delay-ms", "LSREF_STARTUP_DELAY_MS", "--hang-after", "LSREF_HANG_AFTER", "--oversized-output",
                     "--heartbeat-percent", "--ignore-sigterm", "--banner", "--max-concurrent", "LSREF_LOADING_MS"] {
            #expect(ReferenceCommandLine.helpText.contains(name))
        }
    }

    @Test("bad values name their source", arguments: [
        (["--latency-ms", "soon"], [:] as [String: String], "--latency-ms"),
        ([], ["LSREF_HEALTH": "great"], "env:LSREF_HEALTH"),
        (["--frobnicate"], [:], "--frobnicate"),
        (["--crash-after"], [:], "--crash-after"),
    ])
    func errors(arguments: [String], environment: [String: String], source: String) {
        #expect {
            try ReferenceCommandLine.parse(arguments: arguments, environment: environment)
        } throws: { error in
            (error as? ReferenceCommandLine.UsageError)?.source == source
        }
    }
}
