import CommandLineSupport
import Core
import Subtitles
import Wire

/// `lingosub transcribe`: transcribe audio files with supervised engines.
/// Exit codes: 0 every file transcribed by every engine, 1 some file could not be transcribed, 2 usage,
/// 3 invalid configuration or unwritable output, 130 interrupted (SIGINT/SIGTERM; engines stopped).
package enum TranscribeCommand: Subcommand {
    package static let name = "transcribe"
    package static let summary = "transcribe audio files with supervised engines"
    static let usage = """
        usage: lingosub transcribe AUDIO… --engine NAME=COMMAND [--engine …] [options]
          --engine NAME=COMMAND  run COMMAND as engine NAME (repeatable; one task per file and engine;
                                 replaces the engines of lingosub.json).
                                 COMMAND is split on spaces into argv, no shell; '…' keeps spaces.
                                 A first word without a slash is looked up in PATH, then next to
                                 lingosub and in .build/debug (so `--engine ref=lsref` works after `swift build`)
          --language L           language hint for the engines
          --priority P           low, normal (default), high or critical
          --timeout S            per-request timeout in seconds (default: none)
          --format F             json (default), srt or vtt (from the primary engine). JSON is one line per file:
                                 {"audio", "results": [{"engine", "status": "completed", "transcript"}
                                 | {"engine", "status": "failed", "error": {"code", "detail", "engineCode"?}}]}
          --primary NAME         the engine SRT/VTT come from (default: the first --engine)
          --profile NAME|FILE    subtitle profile for srt/vtt (default netflix-en)
          --out PATH|DIR         write here instead of stdout (a directory for several files)
          --quiet                no progress or engine messages
          --config FILE          configuration (default ./lingosub.json when present); LINGOSUB_* variables override it
          --log-level L          JSON logs on stderr (debug, info, warn, error) instead of human output

        lingosub.json: {"engines": {"NAME": "COMMAND" | [argv…] | {"command", "environment", "workingDirectory"}},
          "policies": {…}, "limits": {…}, "logging": {…}}; each key below, or its LINGOSUB_* variable (which wins):

        """ + ConfigurationKey.all.map { "  \($0.path) \($0.valueHint) (\($0.environmentName))\n" }.joined() + "\n"
    static let exitTranscriptionFailed: Int32 = 1
    static let exitConfiguration: Int32 = 3
    /// 128 + SIGINT, as shells report it.
    static let exitInterrupted: Int32 = 130

    package static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        run(arguments, output: output, environment: .current)
    }

    package static func run(_ arguments: [String], output: any CommandOutput, environment: CommandEnvironment) -> Int32 {
        let parsed: ParsedArguments
        do { parsed = try TranscribeOptions.spec.parse(arguments) } catch {
            output.err("lingosub transcribe: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") { output.out(usage); return 0 }
        let options: TranscribeOptions
        switch TranscribeOptions.make(parsed, environment: environment) {
        case .success(let made): options = made
        case .failure(.usage(let message)):
            output.err("lingosub transcribe: \(message)\n" + usage)
            return 2
        case .failure(.configuration(let error)):
            output.err("lingosub transcribe: \(error)\n")
            return exitConfiguration
        }
        let profile: SubtitleProfile
        switch SubtitlesCommand.loadProfile(options.profile, command: name, output: output) {
        case .success(let loaded): profile = loaded
        case .failure(let failure): return failure.exitCode
        }
        let transcription = TranscriptionRun(options: options, output: output, environment: environment)
        transcription.run()
        return report(transcription, writer: ResultWriter(options: options, profile: profile), output: output)
    }

    /// Writes every file's result and prints why files failed; returns the exit code.
    private static func report(_ transcription: TranscriptionRun, writer: ResultWriter, output: any CommandOutput) -> Int32 {
        let options = transcription.options
        var exitCode: Int32 = 0
        for (file, path) in options.audioPaths.enumerated() {
            let outcomes = transcription.outcomes[file]
            for (engine, outcome) in zip(options.engines, outcomes) {
                guard let reason = outcome.failureText else { continue }
                if let log = transcription.log {
                    log.log(.error, "file not transcribed", [
                        ("file", .string(path)), ("engine", .string(engine.name)), ("reason", .string(reason)),
                    ])
                } else {
                    output.err("lingosub transcribe: \(path): engine \(engine.name) failed: \(reason)\n")
                }
                exitCode = exitTranscriptionFailed
            }
            guard let text = writer.text(file: file, outcomes: outcomes) else { continue }
            do {
                try writer.write(text, file: file, output: output)
            } catch {
                output.err("lingosub transcribe: \(error)\n")
                exitCode = max(exitCode, exitConfiguration)
            }
        }
        if transcription.interrupted {
            output.err("lingosub transcribe: interrupted; engines stopped\n")
            exitCode = exitInterrupted
        }
        return exitCode
    }
}
