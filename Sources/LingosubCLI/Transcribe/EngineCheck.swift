import Core
import Wire

/// `engines check` for one engine: start (timing each startup stage), handshake and health (the
/// `waiting_for_health` stage), one health check once Ready (`probeEngine`), a tiny transcription, stop. No automatic restarts: a failing engine
/// fails the check at once.
final class EngineCheck {
    /// One line of the report: a step, how long it took, and a note.
    struct Step: Equatable {
        var name: String
        var durationMs: UInt64
        var note: String = ""
    }

    let entry: EngineEntry
    let configuration: LingosubConfiguration
    /// Bound on each wait (startup, transcription, stop).
    let waitMs: UInt64
    private(set) var steps: [Step] = []
    private(set) var failure: String?
    private let session: EngineSession
    private var events: [Event] = []
    /// Why the engine went to Failed, with its diagnostics (set by `wait`).
    private var engineFailure: String?
    private static let eventsMax = 10_000

    init(entry: EngineEntry, configuration: LingosubConfiguration, waitMs: UInt64, handlesTerminationSignals: Bool) {
        self.entry = entry
        var configuration = configuration
        configuration.restartsMax = 0
        self.configuration = configuration
        self.waitMs = waitMs
        session = EngineSession(
            configuration: configuration, engines: [entry], capturesStderr: false,
            handlesTerminationSignals: handlesTerminationSignals)
    }

    var engine: EngineID { EngineID(entry.name) }

    /// Runs the check; `failure` says why it failed (nil: passed).
    func run(sample: ToneSample) {
        defer { session.stop() }
        let startMs = session.driver.nowMs
        guard session.start() else { return fail("the coordinator did not answer") }
        guard let ready = wait(for: { if case .engine(_, .ready) = $0.kind { true } else { false } }) else {
            return fail(engineFailure ?? "did not become ready within \(waitMs) ms")
        }
        recordStartup(startMs: startMs, readyMs: ready.atMs)
        probe()
        guard failure == nil else { return }
        transcribe(sample)
        guard failure == nil else { return }
        let stopMs = session.driver.nowMs
        _ = session.driver.send(.stopEngine(engine), timeoutMs: EngineSession.replyTimeoutMs)
        guard let stopped = wait(for: { if case .engine(_, .stopped) = $0.kind { true } else { false } }) else {
            return fail(engineFailure ?? "did not stop within \(waitMs) ms")
        }
        steps.append(Step(name: "stop", durationMs: stopped.atMs - min(stopMs, stopped.atMs), note: "stop request, exit"))
    }

    /// One health check now (`probeEngine`), timed to its `signal.engine.probed`; error or timeout fails.
    private func probe() {
        let sentMs = session.driver.nowMs
        guard case .probing? = session.driver.send(.probeEngine(engine), timeoutMs: EngineSession.replyTimeoutMs) else {
            return fail("the health check was refused")
        }
        guard let probed = wait(for: { if case .engine(_, .probed) = $0.kind { true } else { false } }),
              case .engine(_, .probed(let outcome)) = probed.kind else {
            return fail(engineFailure ?? "no health check outcome within \(waitMs) ms")
        }
        guard outcome != .error, outcome != .timeout else { return fail("health check: \(outcome.rawValue)") }
        steps.append(Step(name: "health_check", durationMs: probed.atMs - min(sentMs, probed.atMs), note: outcome.rawValue))
    }

    private func transcribe(_ sample: ToneSample) {
        let submitMs = session.driver.nowMs
        var spec = TaskSpec(audioPath: sample.path, engines: [engine])
        spec.requestTimeoutMs = waitMs
        guard case .success(let task) = session.submit(spec) else { return fail("the transcription was rejected") }
        guard let final = wait(for: { $0.job == task && $0.kind.isFinal }) else {
            return fail(engineFailure ?? "no transcription result within \(waitMs) ms")
        }
        let result = events.first { event in
            if event.job == task, case .engineResult = event.kind { true } else { false }
        }
        guard case .engineResult(_, let transcript)? = result?.kind else {
            if case .taskFailed(let error) = final.kind { return fail("transcription failed: \(error)") }
            return fail("transcription ended without a result (\(final.kind.name))")
        }
        let expected = ToneSample.words.joined(separator: " ")
        steps.append(Step(
            name: "transcribe", durationMs: final.atMs - min(submitMs, final.atMs),
            note: "\"\(transcript.text)\" (tone sample of \"\(expected)\")"))
    }

    /// One step per startup stage, from its start to the next stage (or Ready), then Ready's total.
    private func recordStartup(startMs: UInt64, readyMs: UInt64) {
        var stages: [(StartupStage, UInt64)] = []
        for event in events {
            if case .engine(_, .stage(let stage)) = event.kind { stages.append((stage, event.atMs)) }
        }
        for (index, (stage, atMs)) in stages.enumerated() {
            let endMs = index + 1 < stages.count ? stages[index + 1].1 : readyMs
            let note = stage == .waitingForHealth ? "initialize handshake, first health check" : ""
            steps.append(Step(name: stage.rawValue, durationMs: endMs - min(atMs, endMs), note: note))
        }
        var pid = ""
        if case .running(let processID, _, _)? = session.driver.engineState(engine) { pid = processID.description }
        steps.append(Step(name: "ready", durationMs: readyMs - min(startMs, readyMs), note: "total startup; " + pid))
    }

    /// Waits (bounded) for an event of this engine's session that satisfies `condition`; nil on
    /// timeout, or when the engine failed first.
    private func wait(for condition: (Event) -> Bool) -> Event? {
        let deadlineMs = session.driver.nowMs + waitMs
        while session.driver.nowMs < deadlineMs {
            for item in session.inbox.take(timeoutMs: 100) {
                guard case .event(let event) = item, events.count < Self.eventsMax else { continue }
                events.append(event)
                if condition(event) { return event }
                if case .engine(_, .failed(let cause)) = event.kind {
                    engineFailure = "engine failed: \(cause)" + diagnostics()
                    return nil
                }
            }
        }
        return nil
    }

    private func diagnostics() -> String {
        guard case .failed(let diagnostics)? = session.driver.engineState(engine) else { return "" }
        return "\n" + diagnostics.humanLines.joined(separator: "\n")
    }

    private func fail(_ reason: String) {
        failure = reason
    }
}
