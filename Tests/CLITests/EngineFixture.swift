import CommandLineSupport
import LingosubCLI

/// Runs `lingosub` commands against real `lsref` processes: the built `lsref` sits next to the test
/// bundle, found the way `lingosub` finds it next to itself. The environment is explicit (no
/// inherited `LINGOSUB_*`), signal handling is off (tests share one process), and every command gets
/// `--timeout` so each wait is bounded.
enum EngineFixture {
    /// The package root, where `Examples/audio` lives.
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    static let hello = packageRoot + "/Examples/audio/hello.wav"
    static let count = packageRoot + "/Examples/audio/count.wav"

    /// Settings for quick restarts (tests assert outcomes and messages, never timings).
    static let fastRestarts = [
        "LINGOSUB_POLICIES_RESTART_BACKOFF_INITIAL_MS": "20",
        "LINGOSUB_POLICIES_STOP_GRACE_MS": "2000",
    ]

    static func environment(_ variables: [String: String] = [:], directory: String = packageRoot) -> CommandEnvironment {
        var environment = CommandEnvironment(
            variables: variables.merging(["PATH": "/usr/bin:/bin"]) { mine, _ in mine },
            currentDirectory: directory,
            executableDirectory: CommandEnvironment.current.executableDirectory,
            stderrIsTerminal: false)
        environment.handlesTerminationSignals = false
        return environment
    }

    struct Result {
        var code: Int32
        var out: String
        var err: String
    }

    static func transcribe(_ arguments: [String], _ environment: CommandEnvironment = environment()) -> Result {
        let output = BufferedOutput()
        let bounded = arguments.contains("--timeout") ? arguments : arguments + ["--timeout", "30"]
        let code = TranscribeCommand.run(bounded, output: output, environment: environment)
        return Result(code: code, out: output.stdout, err: output.stderr)
    }

    static func engines(_ arguments: [String], _ environment: CommandEnvironment = environment()) -> Result {
        let output = BufferedOutput()
        let code = EnginesCommand.run(arguments + ["--timeout", "30"], output: output, environment: environment)
        return Result(code: code, out: output.stdout, err: output.stderr)
    }
}
