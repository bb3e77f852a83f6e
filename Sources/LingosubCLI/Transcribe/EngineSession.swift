import Core
import Runtime

/// The engines of one command run under a `RuntimeDriver`: started together, fed client commands,
/// their events and (for structured logs) stderr lines gathered in an inbox, stopped together
/// (also on SIGINT/SIGTERM).
final class EngineSession {
    /// Bound on a client command's reply and on the final shutdown wait.
    static let replyTimeoutMs = 10_000
    let driver: RuntimeDriver
    let inbox = SessionInbox()
    let engines: [EngineEntry]
    private var watcher: TerminationSignalWatcher?

    private let handlesTerminationSignals: Bool

    init(configuration: LingosubConfiguration, engines: [EngineEntry], capturesStderr: Bool, handlesTerminationSignals: Bool) {
        self.engines = engines
        self.handlesTerminationSignals = handlesTerminationSignals
        var runtime = RuntimeDriverConfiguration(coordinator: configuration.coordinatorConfiguration(engines))
        runtime.logDirectory = configuration.logDirectory
        runtime.shutdownGraceMs = Int(clamping: configuration.stopGraceMs * 2 + 1_000)
        let inbox = inbox
        if capturesStderr {
            runtime.stderrLineHandler = { engine, line in inbox.post(.stderrLine(engine, line)) }
        }
        driver = RuntimeDriver(configuration: runtime) { event in inbox.post(.event(event)) }
    }

    /// Starts the driver thread and every engine.
    func start() -> Bool {
        driver.start()
        if handlesTerminationSignals { watcher = driver.shutDownOnSignals() }
        return driver.send(.startAllEngines, timeoutMs: Self.replyTimeoutMs) != nil
    }

    func submit(_ spec: TaskSpec) -> Result<TaskID, CoreError> {
        switch driver.send(.submit(spec), timeoutMs: Self.replyTimeoutMs) {
        case .submitted(let id, _)?: .success(id)
        case .rejected(let error)?: .failure(error)
        default: .failure(CoreError(.invalidTask, "no reply from the coordinator"))
        }
    }

    /// True once the driver ended (after `stop`, or a SIGINT/SIGTERM).
    var hasFinished: Bool { driver.waitUntilFinished(timeoutMs: 0) }

    /// Stops every engine and waits (bounded) for the driver to end; false if it did not.
    @discardableResult
    func stop() -> Bool {
        driver.requestShutdown()
        let finished = driver.waitUntilFinished(timeoutMs: driver.configuration.shutdownGraceMs + Self.replyTimeoutMs)
        watcher?.cancel()
        watcher = nil
        return finished
    }
}
