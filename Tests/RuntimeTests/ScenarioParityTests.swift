import Core
import Foundation
import Sim
import Testing

extension RealProcessTests {
    /// Scenario parity (issue 6's acceptance): five `Scenarios/real-*.json` files run in the simulator
    /// (which hosts lsref's logic on the SDK session machine) and on real `lsref` processes under
    /// `RuntimeDriver`, and both runs show the same supervisor states per engine and the same task
    /// outcomes (`ScenarioParityObservation`).
    ///
    /// Time: the real run divides every duration — the coordinator configuration's policies, lsref's
    /// millisecond flags, the steps' times — by `ScenarioParityScaling.factor` (10: a virtual second
    /// is 100 ms). Timeouts that must not fire (startup stages, cancel grace) are set generously in
    /// the scenario files themselves, so the transform stays uniform. Real steps also wait for the
    /// simulator's progress at that step (e.g. a cancel waits until the task has started), so a slow
    /// machine delays a run but does not change it.
    @Suite("Scenario parity: simulator and real lsref")
    struct ScenarioParityTests {
        static let scenarios = [
            "real-crash-loop-to-failed", "real-crash-mid-request-requeue", "real-health-timeout-restart",
            "real-sigterm-ignored-sigkill", "real-cancel-running",
        ]

        static let scenarioDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Scenarios").path

        static func load(_ name: String) throws -> Scenario {
            let data = try Data(contentsOf: URL(fileURLWithPath: scenarioDirectory + "/\(name).json"))
            return try Scenario(bytes: Array(data))
        }

        /// The simulator's observation of the whole run, and at each step (events before its time).
        static func simulate(
            _ scenario: Scenario
        ) -> (final: ScenarioParityObservation, checkpoints: [ScenarioParityObservation]) {
            let world = SimWorld(scenario: scenario, seed: scenario.seed)
            world.runScenario()
            #expect(world.violations.isEmpty, "\(world.violations)")
            let engines = scenario.engines.map(\.id)
            let aliases = ScenarioParityRealRun.aliases(scenario)
            let observe = { (events: [RecordedEvent]) in
                ScenarioParityObservation(events, engines: engines, aliases: aliases, alias: { world.book.alias($0) })
            }
            let checkpoints = scenario.steps.map { step in observe(world.events.filter { $0.atMs < step.atMs }) }
            return (observe(world.events), checkpoints)
        }

        @Test("a scenario on real lsref processes shows the simulator's supervisor states and task outcomes",
              arguments: scenarios)
        func parity(_ name: String) throws {
            let lsref = RuntimeDriverTests.referenceEngine
            try #require(FileManager.default.isExecutableFile(atPath: lsref), "build lsref first")
            let scenario = try Self.load(name)
            let simulated = Self.simulate(scenario)
            var real = ScenarioParityRealRun(scenario: scenario, factor: ScenarioParityScaling.factor, lsref: lsref)
            let observed = try real.run(checkpoints: simulated.checkpoints, final: simulated.final)
            #expect(observed == simulated.final, "real:\n\(observed)\nsimulated:\n\(simulated.final)")
        }
    }
}
