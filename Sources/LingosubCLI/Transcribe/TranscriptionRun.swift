import CommandLineSupport
import Core
import Wire

/// One `transcribe` run: starts the engines, submits one task per file and engine, follows the
/// events (progress, engine state changes, results, logs) until every task ended, then stops the
/// engines. `outcomes` holds the result per file, per engine (in `options.engines` order).
final class TranscriptionRun {
    /// How often the wait wakes to check for an interrupted driver.
    static let pollMs = 200

    let options: TranscribeOptions
    let session: EngineSession
    let display: ProgressDisplay
    let log: StructuredLog?
    /// Task → (file index, engine index).
    private var tasks: [TaskID: (file: Int, engine: Int)] = [:]
    private(set) var outcomes: [[TaskOutcome]]
    private var unfinished = 0
    private(set) var interrupted = false

    init(options: TranscribeOptions, output: any CommandOutput, environment: CommandEnvironment) {
        self.options = options
        let logLevel = options.configuration.logLevel
        session = EngineSession(
            configuration: options.configuration, engines: options.engines, capturesStderr: logLevel != nil,
            handlesTerminationSignals: environment.handlesTerminationSignals)
        log = logLevel.map { StructuredLog(level: $0, output: output) }
        let mode: ProgressDisplay.Mode =
            options.quiet || logLevel != nil ? .quiet : environment.stderrIsTerminal ? .terminal : .lines
        display = ProgressDisplay(mode: mode, output: output, files: options.audioPaths, engines: options.engines.map(\.name))
        outcomes = Array(
            repeating: Array(repeating: .unfinished("interrupted before it finished"), count: options.engines.count),
            count: options.audioPaths.count)
    }

    func run() {
        guard session.start() else {
            display.message("lingosub transcribe: the coordinator did not answer")
            session.stop()
            return
        }
        submitAll()
        while unfinished > 0 {
            for item in session.inbox.take(timeoutMs: Self.pollMs) { handle(item) }
            if unfinished > 0, session.hasFinished {
                interrupted = true
                break
            }
        }
        display.finish()
        session.stop()
        for item in session.inbox.take(timeoutMs: 0) { handle(item) }
        log?.log(.info, "engines stopped", [("stderrLinesDropped", .number(JSONNumber(session.inbox.stderrLinesDropped)))])
    }

    private func submitAll() {
        for (file, path) in options.audioPaths.enumerated() {
            for (engine, entry) in options.engines.enumerated() {
                var parameters = TranscribeParameters(audioPath: path, language: options.language)
                parameters.options = JSONObject()
                var spec = TaskSpec(transcribe: parameters)
                spec.priority = options.priority
                spec.engines = [EngineID(entry.name)]
                switch session.submit(spec) {
                case .success(let id):
                    tasks[id] = (file, engine)
                    unfinished += 1
                case .failure(let error):
                    outcomes[file][engine] = .failed(error)
                }
            }
        }
    }

    private func handle(_ item: SessionItem) {
        switch item {
        case .stderrLine(let engine, let line):
            log?.logEngineLine(engine, line)
        case .event(let event):
            log?.log(event)
            if let job = event.job, let task = tasks[job] {
                handleTask(event.kind, task)
            } else if case .engine(let engine, let signal) = event.kind {
                handleEngine(engine, signal)
            }
        }
    }

    private func handleTask(_ kind: EventKind, _ task: (file: Int, engine: Int)) {
        switch kind {
        case .taskStarted:
            display.update(file: task.file, engine: task.engine, permille: 0)
        case .progressOverall(let permille):
            display.update(file: task.file, engine: task.engine, permille: permille)
        case .subtitleDraft(_, _, let segment), .subtitleOverwrite(_, _, let segment):
            display.draft(file: task.file, text: segment.text)
        case .engineResult(_, let transcript):
            outcomes[task.file][task.engine] = .transcript(transcript)
        case .engineAttemptFailed(_, let error), .taskFailed(let error):
            if outcomes[task.file][task.engine].transcript == nil { outcomes[task.file][task.engine] = .failed(error) }
        case .taskRequeued(let engine, let attempts, let reason):
            display.reset(file: task.file, engine: task.engine)
            display.message("\(name(task.file)): engine \(engine) lost the request (\(reason)); queued again (attempt \(attempts + 1))")
        default:
            break  // engine signals copied to the job are shown once, from the coordinator-wide copy
        }
        if kind.isFinal {
            if kind == .taskCompleted { display.update(file: task.file, engine: task.engine, permille: 1_000) }
            unfinished -= 1
        }
    }

    private func handleEngine(_ engine: EngineID, _ signal: EngineSignal) {
        guard let text = signal.humanText(engine: engine) else { return }
        display.message(text)
        if case .failed = signal, case .failed(let diagnostics)? = session.driver.engineState(engine) {
            for line in diagnostics.humanLines { display.message(line) }
        }
    }

    private func name(_ file: Int) -> String {
        PathName.base(options.audioPaths[file])
    }
}
