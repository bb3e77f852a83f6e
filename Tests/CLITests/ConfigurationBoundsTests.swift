import CommandLineSupport
import LingosubCLI
import Testing

/// Values that used to be accepted and then broke a run: numbers past what the coordinator's clock
/// arithmetic holds, engine names that are not file names, argv and environment entries that C strings
/// cannot carry, and files that are not files.
@Suite("Configuration bounds and file errors")
struct ConfigurationBoundsTests {
    func load(_ file: String?, _ variables: [String: String] = [:]) throws(ConfigurationError) -> ConfigurationLoader.Loaded {
        let directory = TemporaryDirectory()
        if let file { directory.write("lingosub.json", file) }
        return try ConfigurationLoader.load(configPath: nil, environment: EngineFixture.environment(variables, directory: directory.path))
    }

    func error(_ file: String?, _ variables: [String: String] = [:]) -> ConfigurationError? {
        do {
            _ = try load(file, variables)
            return nil
        } catch {
            return error
        }
    }

    @Test("a duration past one day is rejected (UInt64.max used to overflow the stop and timer arithmetic)", arguments: [
        "LINGOSUB_POLICIES_STOP_GRACE_MS", "LINGOSUB_POLICIES_HEALTH_PROBE_INTERVAL_MS", "LINGOSUB_LIMITS_REQUEST_TIMEOUT_MS",
        "LINGOSUB_POLICIES_STARTUP_TIMEOUT_MS", "LINGOSUB_POLICIES_RESTART_BACKOFF_CAP_MS",
    ])
    func durationMaximum(variable: String) {
        let failure = error(nil, [variable: "18446744073709551615"])
        #expect(failure?.code.id == "invalid_value")
        #expect(failure?.source == .environment(variable))
        #expect(failure?.detail.hasSuffix("...86400000, got 18446744073709551615") == true)
        #expect(error(nil, [variable: "86400000"]) == nil)
    }

    @Test("whole-number messages give the key's own range, for file and environment alike", arguments: [
        (#"{"limits": {"attemptsMax": 1.5}}"#, [String: String](), "expected a whole number in 1...1000, got '1.5'"),
        (#"{"limits": {"attemptsMax": -1}}"#, [:], "expected a whole number in 1...1000, got '-1'"),
        (#"{"limits": {"queueCapacity": 0}}"#, [:], "expected a whole number in 1...1000000, got 0"),
        (#"{"logging": {"level": 3}}"#, [:], "expected a string, got 3"),
        (#"{"logging": {"directory": 1.5}}"#, [:], "expected a string, got 1.5"),
        (nil, ["LINGOSUB_LIMITS_REQUESTS_IN_FLIGHT_MAX": "0"], "expected a whole number in 1...10000, got 0"),
    ] as [(String?, [String: String], String)])
    func wholeNumberMessages(file: String?, variables: [String: String], detail: String) {
        #expect(error(file, variables)?.detail == detail)
    }

    @Test("engine names from lingosub.json follow the --engine rule (they become <name>.log)", arguments: [
        #"{"engines": {"../escape": "lsref"}}"#, #"{"engines": {"a/b": "lsref"}}"#, #"{"engines": {"": "lsref"}}"#,
    ])
    func engineNames(file: String) {
        let failure = error(file)
        #expect(failure?.code.id == "invalid_value")
        #expect(failure?.detail.hasSuffix("may use letters, digits, '-', '_' and '.' only") == true)
    }

    @Test("argv and environment entries that execve cannot carry are rejected, naming the key", arguments: [
        (#"{"engines": {"x": ["", "--flag"]}}"#, "engines.x", "the program name (first word) is empty"),
        (#"{"engines": {"x": "'' --flag"}}"#, "engines.x", "the program name (first word) is empty"),
        (#"{"engines": {"x": ["lsref", "a\u0000b"]}}"#, "engines.x", "a word contains NUL"),
        (#"{"engines": {"x": {"command": "lsref", "environment": {"A=B": "1"}}}}"#, "engines.x.environment.A=B",
         "a variable name must be non-empty, without '=' or NUL"),
        (#"{"engines": {"x": {"command": "lsref", "environment": {"": "1"}}}}"#, "engines.x.environment.",
         "a variable name must be non-empty, without '=' or NUL"),
        (#"{"engines": {"x": {"command": "lsref", "environment": {"A": "1\u0000"}}}}"#, "engines.x.environment.A",
         "expected a string without NUL"),
    ])
    func execveSafe(file: String, key: String, detail: String) {
        let failure = error(file)
        #expect(failure?.key == key)
        #expect(failure?.detail == detail)
    }

    @Test("--engine with an empty program is a configuration error")
    func emptyProgramFlag() {
        #expect(throws: ConfigurationError.self) { try EngineEntry.parse("x=''") }
    }

    @Test("a config path that is a directory, or too large, says so")
    func configFileErrors() {
        let directory = TemporaryDirectory()
        let environment = EngineFixture.environment(directory: directory.path)
        do {
            _ = try ConfigurationLoader.load(configPath: directory.path, environment: environment)
            Issue.record("a directory was accepted as a config file")
        } catch {
            #expect(error.code.id == "unreadable_file")
            #expect(error.description == "--config (file:\(directory.path)): is a directory, not a file")
        }
        let large = directory.write("large.json", "{}" + String(repeating: " ", count: 1 << 20))
        do {
            _ = try ConfigurationLoader.load(configPath: large, environment: environment)
            Issue.record("a file over 1 MiB was accepted")
        } catch {
            #expect(error.detail == "larger than the limit of 1048576 bytes")
        }
        do {
            _ = try ConfigurationLoader.load(configPath: "/dev/zero", environment: environment)
            Issue.record("/dev/zero was accepted")
        } catch {
            #expect(error.detail == "larger than the limit of 1048576 bytes")
        }
    }

    @Test("--timeout below a millisecond is refused (it used to round to 0, which means no timeout)")
    func timeoutFloor() {
        let result = EngineFixture.transcribe([EngineFixture.hello, "--engine", "ref=lsref", "--timeout", "0.0004"])
        #expect(result.code == 3)
        #expect(result.err == "lingosub transcribe: --timeout (flag): expected seconds in 0.001...86400, got '0.0004'\n")
    }

    @Test("--out with two audio files of the same stem is a usage error, before any engine starts", arguments: [
        ["/a/talk.wav", "/b/talk.wav"], ["/a/talk.wav", "/a/talk.wav"], ["/a/talk.wav", "/a/talk.mp3"],
    ])
    func outNameClash(paths: [String]) {
        let directory = TemporaryDirectory()
        let result = EngineFixture.transcribe(paths + ["--engine", "ref=lsref", "--format", "srt", "--out", directory.path])
        #expect(result.code == 2)
        #expect(result.err.hasPrefix(
            "lingosub transcribe: \(paths[0]) and \(paths[1]) would both be written to --out DIR/talk.srt\n"))
    }

    @Test("--out naming an existing file with several audio files is a usage error, before any engine starts")
    func outIsAFile() {
        let directory = TemporaryDirectory()
        let out = directory.write("results.json", "")
        let result = EngineFixture.transcribe(["/a/one.wav", "/a/two.wav", "--engine", "ref=lsref", "--out", out])
        #expect(result.code == 2)
        #expect(result.err.hasPrefix("lingosub transcribe: --out \(out) is a file; several audio files need a directory\n"))
    }

    @Test("--help lists each key with the values it takes and its variable")
    func helpShowsRanges() {
        let result = EngineFixture.transcribe(["--help"])
        #expect(result.code == 0)
        #expect(result.out.contains("  policies.restart default|kubernetes|systemd (LINGOSUB_POLICIES_RESTART)\n"))
        #expect(result.out.contains("  policies.stopGraceMs 0...86400000 (LINGOSUB_POLICIES_STOP_GRACE_MS)\n"))
        #expect(result.out.contains("  logging.directory TEXT (LINGOSUB_LOGGING_DIRECTORY)\n"))
    }
}
