import CommandLineSupport

/// `lingosub engines check`: check that an engine starts, answers and stops.
/// Exit codes: 0 every engine passed, 1 an engine failed, 2 usage, 3 invalid configuration.
package enum EnginesCommand: Subcommand {
    package static let name = "engines"
    package static let summary = "check that an engine starts, answers and stops"
    static let usage = """
        usage: lingosub engines check --engine NAME=COMMAND [--engine …] [--config FILE] [--timeout S]
          Starts each engine (timing every startup stage), waits for the initialize handshake and the
          first health check, transcribes a tiny generated tone WAV, stops it. No automatic restarts.
          --engine NAME=COMMAND  as for `lingosub transcribe` (default: the engines in lingosub.json)
          --timeout S            bound on each wait (default 30)

        """
    static let spec = ArgumentSpec(options: ["config", "timeout"], repeatable: ["engine"], positionalsMax: 1)

    package static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        run(arguments, output: output, environment: .current)
    }

    package static func run(_ arguments: [String], output: any CommandOutput, environment: CommandEnvironment) -> Int32 {
        let parsed: ParsedArguments
        let waitSeconds: Double
        do {
            parsed = try spec.parse(arguments)
            waitSeconds = try parsed.double("timeout", default: 30, range: 0.1...3_600)
        } catch {
            output.err("lingosub engines: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") { output.out(usage); return 0 }
        guard parsed.positionals == ["check"] else {
            output.err("lingosub engines: expected the action `check`\n" + usage)
            return 2
        }
        let configuration: LingosubConfiguration
        let engines: [EngineEntry]
        do {
            var loaded = try ConfigurationLoader.load(configPath: parsed.value("config"), environment: environment)
            try loaded.prepareLogDirectory(environment: environment)
            configuration = loaded.configuration
            engines = try TranscribeOptions.engines(parsed, loaded: loaded, environment: environment)
        } catch {
            output.err("lingosub engines: \(error)\n")
            return TranscribeCommand.exitConfiguration
        }
        guard !engines.isEmpty else {
            output.err("lingosub engines: no engine: give --engine NAME=COMMAND\n" + usage)
            return 2
        }
        guard let sample = ToneSample.make() else {
            output.err("lingosub engines: cannot write a sample WAV to the temporary directory\n")
            return 1
        }
        defer { sample.remove() }
        var exitCode: Int32 = 0
        for entry in engines {
            let check = EngineCheck(entry: entry, configuration: configuration, waitMs: UInt64(waitSeconds * 1_000),
                handlesTerminationSignals: environment.handlesTerminationSignals)
            check.run(sample: sample)
            output.out(report(check))
            if check.failure != nil { exitCode = 1 }
        }
        return exitCode
    }

    /// `engine NAME: COMMAND`, one aligned line per step, then `ok` or `FAILED: reason`.
    static func report(_ check: EngineCheck) -> String {
        var text = "engine \(check.entry.name): \(check.entry.command.joined(separator: " "))\n"
        for step in check.steps {
            let duration = String(step.durationMs)
            text += "  " + step.name.padding(toLength: 24) + String(repeating: " ", count: max(0, 6 - duration.count))
                + duration + " ms" + (step.note.isEmpty ? "" : "  " + step.note) + "\n"
        }
        text += check.failure.map { "FAILED: \($0)\n" } ?? "ok\n"
        return text
    }
}
