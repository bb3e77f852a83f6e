import Audio
import Core
import Dispatch
import Foundation
import Runtime
import Sim
import Testing

/// Runs a scenario on real `lsref` processes with `RuntimeDriver`, time scaled by
/// `ScenarioParityScaling`, and observes it as the simulator's run is observed.
///
/// Each reference engine spawns the real `lsref` with its scenario flags (millisecond values scaled).
/// `reference.lives` (other flags for the first spawns) go through `/bin/sh`, which picks the life by
/// marker files and `exec`s lsref, so the engine process is lsref itself. Audio files are the
/// scenario's tone speech, written to a temporary directory.
///
/// Step `i` is sent when both hold: the real run has got as far as the simulator had just before the
/// step (`checkpoints[i]`: states, dispatches, finished tasks), and its scaled time has come. The run
/// ends when it has got as far as the simulator's whole run (`final`). Every wait is bounded.
struct ScenarioParityRealRun {
    let scenario: Scenario
    let factor: UInt64
    let lsref: String

    private let events = EventCollector()
    private var ids: [String: TaskID] = [:]
    /// Where the scenario's audio files are written (set by `run`).
    private(set) var audioDirectory = ""

    init(scenario: Scenario, factor: UInt64, lsref: String) {
        self.scenario = scenario
        self.factor = factor
        self.lsref = lsref
    }

    /// The real run's observation once it covers `final` (or when the bounded wait gave up).
    mutating func run(
        checkpoints: [ScenarioParityObservation], final: ScenarioParityObservation
    ) throws -> ScenarioParityObservation {
        let directory = try Fixture.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        audioDirectory = directory
        try writeAudio()
        let driver = RuntimeDriver(configuration: try configuration(directory), eventHandler: events.handler)
        driver.start()
        defer { Self.shutDown(driver) }
        let start = DispatchTime.now()
        for engine in scenario.engines where engine.autoStart {
            #expect(driver.send(.startEngine(engine.id), timeoutMs: Fixture.waitMs) != nil)
        }
        for (index, step) in scenario.steps.enumerated() {
            #expect(waitUntilCovering(checkpoints[index]), "before step \(index): \(observation())")
            waitUntil(start + .milliseconds(Int(step.atMs / factor)))
            perform(step, driver)
        }
        #expect(waitUntilCovering(final), "the real run did not get as far as the simulator")
        return observation()
    }

    static func shutDown(_ driver: RuntimeDriver) {
        driver.requestShutdown()
        #expect(driver.waitUntilFinished(timeoutMs: Fixture.waitMs))
        #expect(driver.liveProcessCount == 0)
    }

    func observation() -> ScenarioParityObservation {
        var names: [TaskID: String] = [:]
        for (name, id) in ids where names[id] == nil || name < names[id]! { names[id] = name }
        let recorded = events.all.map { RecordedEvent($0, atMs: 0) }
        return ScenarioParityObservation(
            recorded, engines: scenario.engines.map(\.id), aliases: Self.aliases(scenario),
            alias: { names[$0] ?? $0.description })
    }

    /// Every alias the scenario submits, in step order.
    static func aliases(_ scenario: Scenario) -> [String] {
        scenario.steps.compactMap { step in
            if case .submit(let alias, _) = step.action { return alias }
            return nil
        }
    }

    private func waitUntilCovering(_ checkpoint: ScenarioParityObservation) -> Bool {
        if observation().covers(checkpoint) { return true }
        return events.wait { _ in observation().covers(checkpoint) }
    }

    /// Holds a step back until its scaled time (a replayed schedule, not a timing assertion).
    private func waitUntil(_ deadline: DispatchTime) {
        guard DispatchTime.now() < deadline else { return }
        _ = DispatchSemaphore(value: 0).wait(timeout: deadline)
    }

    private mutating func perform(_ step: ClientStep, _ driver: RuntimeDriver) {
        switch step.action {
        case .submit(let alias, let submit):
            let reply = driver.send(.submit(taskSpec(submit)), timeoutMs: Fixture.waitMs)
            guard case .submitted(let id, _)? = reply else {
                Issue.record("submit \(alias): \(String(describing: reply))")
                return
            }
            ids[alias] = id
        case .cancel(let alias):
            guard let id = ids[alias] else {
                Issue.record("cancel of unknown alias \(alias)")
                return
            }
            #expect(driver.send(.cancel(id), timeoutMs: Fixture.waitMs) != nil)
        case .engine(let command, let engine):
            let commands: [ClientStep.EngineCommand: ClientCommand] = [
                .start: .startEngine(engine), .stop: .stopEngine(engine), .restart: .restartEngine(engine),
            ]
            #expect(driver.send(commands[command]!, timeoutMs: Fixture.waitMs) != nil)
        case .startAll:
            #expect(driver.send(.startAllEngines, timeoutMs: Fixture.waitMs) != nil)
        case .stopAll:
            #expect(driver.send(.stopAllEngines, timeoutMs: Fixture.waitMs) != nil)
        case .subscribe, .disconnect, .reconnect:
            Issue.record("client subscriptions are not replayed on real processes")
        }
    }

    private func taskSpec(_ submit: SubmitSpec) -> TaskSpec {
        var spec = TaskSpec(
            audioPath: audioDirectory + "/" + submit.audioPath, priority: submit.priority, engines: submit.engines)
        spec.transcribe.language = submit.language
        spec.idempotencyKey = submit.idempotencyKey
        spec.requestTimeoutMs = submit.requestTimeoutMs.map { $0 / factor }
        spec.cost = submit.cost
        spec.dependencies = submit.dependsOn.compactMap { ids[$0] }
        if submit.deadlineMs != nil { Issue.record("deadlines are not replayed on real processes") }
        return spec
    }

}
