import LingosubCLI
import Testing

@Suite("lingosub.json, LINGOSUB_* variables and flags")
struct ConfigurationTests {
    func load(_ file: String?, _ variables: [String: String] = [:]) throws(ConfigurationError) -> ConfigurationLoader.Loaded {
        let directory = TemporaryDirectory()
        if let file { directory.write("lingosub.json", file) }
        return try ConfigurationLoader.load(configPath: nil, environment: EngineFixture.environment(variables, directory: directory.path))
    }

    @Test("defaults, then the file, then the environment; each key records its source")
    func precedence() throws {
        let loaded = try load(
            #"{"limits": {"requestTimeoutMs": 5000, "attemptsMax": 2}, "logging": {"level": "warn"}}"#,
            ["LINGOSUB_LIMITS_REQUEST_TIMEOUT_MS": "7000"])
        #expect(loaded.configuration.requestTimeoutMs == 7_000)
        #expect(loaded.configuration.attemptsMax == 2)
        #expect(loaded.configuration.logLevel == .warn)
        #expect(loaded.configuration.queueCapacity == 10_000)
        #expect(loaded.sources["limits.requestTimeoutMs"] == .environment("LINGOSUB_LIMITS_REQUEST_TIMEOUT_MS"))
        #expect(loaded.sources["limits.attemptsMax"]?.description.hasPrefix("file:/tmp/") == true)
        #expect(loaded.sources["limits.queueCapacity"] == .default)
    }

    @Test("engines come from the file as a string, an argv array or an object, in file order")
    func engines() throws {
        let loaded = try load(#"""
            {"engines": {"b": "lsref --latency-ms 5", "a": ["lsref", "--words-per-segment", "3"],
             "c": {"command": "lsref 'two words'", "environment": {"LSREF_HEALTH": "ok"}, "workingDirectory": "/tmp"}}}
            """#)
        #expect(loaded.configuration.engines == [
            EngineEntry(name: "b", command: ["lsref", "--latency-ms", "5"]),
            EngineEntry(name: "a", command: ["lsref", "--words-per-segment", "3"]),
            EngineEntry(name: "c", command: ["lsref", "two words"], environment: [("LSREF_HEALTH", "ok")], workingDirectory: "/tmp"),
        ])
    }

    @Test("errors name the key and where the value came from", arguments: [
        (#"{"limits": {"requestTimeoutMs": "soon"}}"#, [String: String](), "limits.requestTimeoutMs", "invalid_value", "file"),
        (#"{"limits": {"attemptsMax": 0}}"#, [:], "limits.attemptsMax", "invalid_value", "file"),
        (#"{"limits": {"timeout": 1}}"#, [:], "limits.timeout", "unknown_key", "file"),
        (#"{"plugins": {}}"#, [:], "plugins", "unknown_key", "file"),
        (#"{"limits": "#, [:], "(root)", "invalid_json", "file"),
        (#"{"engines": {"x": {"command": "lsref 'open"}}}"#, [:], "engines.x.command", "invalid_value", "file"),
        (nil, ["LINGOSUB_LOGGING_LEVEL": "loud"], "logging.level", "invalid_value", "env:LINGOSUB_LOGGING_LEVEL"),
        (#"{"policies": {"restart": "always"}}"#, [:], "policies.restart", "invalid_value", "file"),
        (nil, ["LINGOSUB_POLICIES_RESTARTS_MAX": "-1"], "policies.restartsMax", "invalid_value", "env:LINGOSUB_POLICIES_RESTARTS_MAX"),
    ] as [(String?, [String: String], String, String, String)])
    func errors(file: String?, variables: [String: String], key: String, code: String, source: String) {
        do {
            _ = try load(file, variables)
            Issue.record("expected an error for \(key)")
        } catch {
            #expect(error.key == key)
            #expect(error.code.id == code)
            #expect(error.source.description.hasPrefix(source))
            #expect(error.description.hasPrefix("\(key) (\(error.source)): "))
        }
    }

    @Test("every key has a LINGOSUB_ variable in upper snake case")
    func environmentNames() {
        var names: [String] = []
        for key in ConfigurationKey.all { names.append(key.environmentName) }
        #expect(names.contains("LINGOSUB_LIMITS_REQUEST_TIMEOUT_MS"))
        #expect(names.contains("LINGOSUB_POLICIES_RESTART_BACKOFF_INITIAL_MS"))
        #expect(names.contains("LINGOSUB_LOGGING_LEVEL"))
        #expect(Set(names).count == ConfigurationKey.all.count)
    }

    @Test("commands split on spaces, with '…' keeping spaces", arguments: [
        ("lsref", ["lsref"]),
        ("  lsref   --latency-ms 5 ", ["lsref", "--latency-ms", "5"]),
        ("python3 '/opt/my engine/run.py' --x", ["python3", "/opt/my engine/run.py", "--x"]),
        ("a '' b", ["a", "", "b"]),
        ("a'b c'd", ["ab cd"]),
    ])
    func commandWords(text: String, words: [String]) throws {
        #expect(try CommandWords.split(text, key: "--engine", source: .flag) == words)
    }

    @Test("logging.directory gets each engine's stderr as <engine>.log")
    func logDirectory() {
        let directory = TemporaryDirectory()
        let result = EngineFixture.transcribe(
            [EngineFixture.hello, "--engine", "ref=lsref", "--quiet"],
            EngineFixture.environment(["LINGOSUB_LOGGING_DIRECTORY": directory.path]))
        #expect(result.code == 0)
        #expect(directory.read("ref.log")?.contains(#""message":"transcribe finished""#) == true)
    }

    @Test("policies.restart picks a named restart policy (systemd: 100 ms)")
    func restartPreset() {
        let directory = TemporaryDirectory()
        directory.write("lingosub.json", #"{"policies": {"restart": "systemd"}}"#)
        let result = EngineFixture.transcribe(
            [EngineFixture.hello, EngineFixture.count, "--engine", "ref=lsref --crash-after 2", "--out", directory.path],
            EngineFixture.environment(directory: directory.path))
        #expect(result.code == 0)
        #expect(result.err.contains("engine ref: restart in 0.1 s (restart 1)\n"))
    }

    @Test("a flag beats the environment, which beats the file")
    func flagsWin() {
        let directory = TemporaryDirectory()
        directory.write("lingosub.json", #"{"logging": {"level": "error"}, "engines": {"ref": "no-such-engine"}}"#)
        let environment = EngineFixture.environment(["LINGOSUB_LOGGING_LEVEL": "warn"], directory: directory.path)
        // The file's engine is replaced by --engine; --log-level debug beats warn (env) and error (file).
        let result = EngineFixture.transcribe(
            [EngineFixture.hello, "--engine", "ref=lsref", "--log-level", "debug", "--format", "srt"], environment)
        #expect(result.code == 0)
        #expect(result.err.contains(#""level":"debug""#))
        // Without flags, the file's engine is used and its error names the file.
        let fromFile = EngineFixture.transcribe([EngineFixture.hello], environment)
        #expect(fromFile.code == 3)
        #expect(fromFile.err.hasPrefix("lingosub transcribe: engines.ref (file:\(directory.path)/lingosub.json): 'no-such-engine' not found"))
    }
}
