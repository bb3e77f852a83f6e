import CommandLineSupport
import Conformance
import Foundation

/// `lsconform [options] -- ENGINE [ARGS…]` (or `lsconform ./engine`): runs the conformance cases.
/// Exit codes: 0 every MUST passed, 1 a MUST failed (or a stale baseline entry), 2 usage,
/// 3 the engine did not start or the handshake failed, 4 internal error.
enum LsconformCommand {
    static let usage = """
        usage: lsconform [options] -- ENGINE [ARGS...]
               lsconform [options] ENGINE
               lsconform --list

        options:
          --list                 print every case with its rule id and description, then exit
          --case ID              run only cases whose id, group or rule id starts with ID (repeatable)
          --strict               SHOULD failures count as failures
          --timeout-ms N         how long any reply may take (default 5000; SPEC bounds are fixed)
          --timing-slack-ms N    added to the SPEC's timing bounds for a loaded machine (default 50)
          --jobs N               cases run in parallel, each with its own engine (default 4)
          --env K=V              add K=V to the engine's environment (repeatable)
          --audio DIR            use the shortest .wav in DIR as the short clip (and the longest as
                                 the long clip when it lasts --long-audio-seconds)
          --long-audio-seconds N length of the generated long clip (default 120)
          --baseline FILE        expected failures, one case id per line; passing ones are STALE
          --keep-logs DIR        write every case's byte transcript to DIR
          --json FILE            write a JSON report
          --junit FILE           write a JUnit XML report
          --verbose              also print details of passing cases

        exit codes: 0 all MUST rules pass, 1 a MUST fails, 2 usage, 3 engine did not start or
        handshake failed, 4 internal error

        """

    static let spec = ArgumentSpec(
        flags: ["list", "strict", "verbose"],
        options: ["timeout-ms", "timing-slack-ms", "jobs", "audio", "long-audio-seconds", "baseline", "keep-logs", "json", "junit"],
        repeatable: ["case", "env"], separatesTrailing: true)

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        let configuration: RunConfiguration?
        do {
            parsed = try spec.parse(arguments)
            if parsed.has("help") {
                output.out(usage)
                return 0
            }
            configuration = try makeConfiguration(parsed)
        } catch {
            output.err("lsconform: \(error)\n\n" + usage)
            return 2
        }
        if parsed.has("list") {
            output.out(HumanReport.list(ConformanceRunner.select(CaseCatalog.all, patterns: parsed.values("case"))))
            return 0
        }
        guard let configuration else {
            output.err("lsconform: give the engine command after --, e.g. lsconform -- ./my-engine --flag\n\n" + usage)
            return 2
        }
        guard !ConformanceRunner.select(CaseCatalog.all, patterns: configuration.casePatterns).isEmpty else {
            output.err("lsconform: no case matches --case \(configuration.casePatterns.joined(separator: ", "))\n")
            return 2
        }
        let report = ConformanceRunner.run(configuration)
        output.out(HumanReport.render(report, verbose: parsed.has("verbose")))
        if let failure = writeReports(report, parsed) {
            output.err("lsconform: \(failure)\n")
            return 4
        }
        return report.exitCode
    }

    /// The run's configuration, or nil when no engine command was given.
    static func makeConfiguration(_ parsed: ParsedArguments) throws(UsageError) -> RunConfiguration? {
        let engine = parsed.trailing.isEmpty ? parsed.positionals : parsed.trailing
        if !parsed.trailing.isEmpty, !parsed.positionals.isEmpty {
            throw UsageError("unexpected argument(s) before --: \(parsed.positionals.joined(separator: " "))")
        }
        guard !engine.isEmpty else { return nil }
        var environment: [(key: String, value: String)] = []
        for pair in parsed.values("env") {
            guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
                throw UsageError("--env expects K=V, got '\(pair)'")
            }
            environment.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
        }
        var configuration = RunConfiguration(command: EngineCommand(arguments: engine, environmentAdditions: environment))
        configuration.casePatterns = parsed.values("case")
        configuration.strict = parsed.has("strict")
        configuration.replyTimeoutMs = try parsed.int("timeout-ms", default: 5_000, range: RunConfiguration.replyTimeoutMsRange)
        configuration.timingSlackMs = try parsed.int("timing-slack-ms", default: 50, range: 0...1_000)
        configuration.jobs = try parsed.int("jobs", default: 4, range: 1...RunConfiguration.jobsMax)
        configuration.longAudioSeconds = try parsed.double("long-audio-seconds", default: FixtureSet.longSecondsDefault, range: 5...3_600)
        configuration.audioDirectory = parsed.value("audio")
        if let directory = configuration.audioDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw UsageError("--audio \(directory) is not a directory")
            }
        }
        configuration.keepLogsDirectory = parsed.value("keep-logs")
        configuration.jsonPath = parsed.value("json")
        configuration.junitPath = parsed.value("junit")
        if let path = parsed.value("baseline") {
            let text: String
            do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
                throw UsageError("cannot read --baseline \(path)")
            }
            configuration.baseline = Baseline.parse(text)
        }
        return configuration
    }

    /// Writes `--json` and `--junit`; returns an error description on failure.
    static func writeReports(_ report: RunReport, _ parsed: ParsedArguments) -> String? {
        let outputs = [(parsed.value("json"), MachineReports.json(report)), (parsed.value("junit"), MachineReports.junit(report))]
        for case let (path?, text) in outputs where !FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) {
            return "cannot write \(path)"
        }
        return nil
    }
}
