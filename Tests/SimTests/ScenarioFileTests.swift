import Sim
import Testing

@Suite("Scenario files")
struct ScenarioFileTests {
    @Test("there are at least 25 scenario files")
    func count() {
        #expect(Fixtures.scenarioNames.count >= 25)
    }

    @Test("every scenario meets its expectations and runs twice to the same trace bytes",
          arguments: Fixtures.scenarioNames)
    func scenario(name: String) throws {
        let scenario = try Fixtures.scenario(name)
        let path = "Scenarios/" + name
        let first = ScenarioRunner.run(scenario, path: path)
        #expect(first.violations.isEmpty, "\(first.summary)")
        #expect(first.expectationFailures.isEmpty, "\(first.summary)")
        let second = ScenarioRunner.run(scenario, path: path)
        #expect(first.traceHash == second.traceHash, "replay: \(first.replayCommand)")
        #expect(first.trace == second.trace)
        #expect(first.trace.count > 100)
    }
}
