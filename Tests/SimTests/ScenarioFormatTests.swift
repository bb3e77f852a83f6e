import Core
import Sim
import Testing

@Suite("Scenario format")
struct ScenarioFormatTests {
    @Test("unknown members, bad values and unknown engines are coded errors", arguments: [
        (#"{"name": "x", "engines": [{"id": "e"}], "sed": 1}"#, "unknown_member", "sed"),
        (#"{"name": "x", "engines": [{"id": "e", "restart": "forever"}]}"#, "invalid_value", "engines[0].restart"),
        (#"{"name": "x", "engines": [{"id": "e"}], "faults": [{"kind": "crash", "engine": "f"}]}"#, "unknown_reference", "faults[0].engine"),
        (#"{"name": "x", "engines": []}"#, "missing_member", "engines"),
        (#"{"name": "x", "engines": [{"id": "e"}], "steps": [{"cancel": "a", "subscribe": "b"}]}"#, "invalid_value", "steps[0]"),
        (#"{"name": "x", "engines": [{"id": "e", "script": {"process": {"health": "sleepy"}}}]}"#, "invalid_value", "engines[0].script.process.health"),
        (#"{"name": 1}"#, "wrong_type", "name"),
        (#"{"name": "x""#, "invalid_json", ""),
    ])
    func errors(json: String, code: String, path: String) {
        do {
            _ = try Fixtures.scenario(json: json)
            Issue.record("accepted \(json)")
        } catch let error as ScenarioError {
            #expect(error.code.id == code)
            #expect(error.path == path)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("restart presets decode to Core's policies")
    func presets() throws {
        let scenario = try Fixtures.scenario(json: """
        {"name": "p", "engines": [{"id": "a", "restart": "kubernetes"}, {"id": "b", "restart": "systemd"},
         {"id": "c", "restart": {"preset": "seedDefault", "restartsMax": 2, "jitterPermille": 100}}]}
        """)
        #expect(scenario.engines[0].configuration.restart == .kubernetesCrashLoop)
        #expect(scenario.engines[1].configuration.restart == .systemdDefault)
        var expected = RestartPolicy.seedDefault
        expected.restartsMax = 2
        expected.jitterPermille = 100
        #expect(scenario.engines[2].configuration.restart == expected)
    }

    @Test("lives merge over the process script")
    func lives() throws {
        let scenario = try Fixtures.scenario(json: """
        {"name": "l", "engines": [{"id": "a", "script": {"process": {"healthMs": 9, "requests": {"latencyMs": 70}},
         "lives": [{"exitAfterMs": 5, "requests": {"drafts": 2}}]}}]}
        """)
        let script = scenario.engines[0].script
        #expect(script.life(0).exitAfterMs == 5)
        #expect(script.life(0).healthMs == 9)
        #expect(script.life(0).requests.latencyMs == 70)
        #expect(script.life(0).requests.drafts == 2)
        #expect(script.life(1).exitAfterMs == nil)
        #expect(script.life(1).requests.drafts == 0)
    }
}
