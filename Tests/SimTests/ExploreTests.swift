import Core
import Sim
import Testing

@Suite("Explore and shrink")
struct ExploreTests {
    @Test("random fault schedules over a few seeds break no invariant",
          arguments: ["happy-path.json", "crash-mid-request-requeue.json", "poison-quarantined.json",
                      "reconnect-replay-gap-free.json", "concurrency-limits.json", "multi-engine-crashing-lane.json"])
    func explore(name: String) throws {
        let explorer = Explorer(scenario: try Fixtures.scenario(name), path: "Scenarios/" + name)
        let failing = explorer.explore(first: 1, count: 6)
        #expect(failing.isEmpty, "\(failing.map(\.summary).joined())")
    }

    @Test("a seed's fault schedule is the same every time and within the run")
    func scheduleIsSeeded() throws {
        let explorer = Explorer(scenario: try Fixtures.scenario("happy-path.json"), path: "happy-path.json")
        for seed: UInt64 in 1...20 {
            let schedule = explorer.schedule(seed: seed)
            #expect(schedule == explorer.schedule(seed: seed))
            #expect(schedule.count <= 6)
            #expect(schedule.allSatisfy { $0.atMs < 10_000 })
        }
        #expect(explorer.schedule(seed: 1) != explorer.schedule(seed: 2) || explorer.schedule(seed: 1).isEmpty)
    }

    @Test("shrinking keeps only the fault that breaks the run")
    func shrink() throws {
        var scenario = try Fixtures.scenario(json: ShrinkFixture.scenario)
        scenario.faults = []
        var explorer = Explorer(scenario: scenario, path: "shrink.json")
        explorer.checksExpectations = true
        let schedule = ShrinkFixture.schedule
        #expect(!explorer.run(seed: 3, faults: schedule).passed)
        var shrinker = Shrinker()
        let minimal = shrinker.shrink(schedule) { !explorer.run(seed: 3, faults: $0).passed }
        #expect(minimal.count == 1)
        #expect(minimal.first?.kind == .crash)
        #expect(minimal.first?.atMs == 4_000)
        #expect(shrinker.runs < 40)
    }
}

enum ShrinkFixture {
    /// Expects no crash: only a crash fault breaks it.
    static let scenario = """
    {"name": "shrink", "seed": 3, "runMs": 10000,
     "engines": [{"id": "e1"}, {"id": "e2"}],
     "steps": [{"atMs": 0, "submit": {"as": "t"}, "repeat": 5, "everyMs": 500}],
     "expect": {"events": [{"event": "signal.engine.crashed", "count": 0}]}}
    """

    static let schedule: [FaultSpec] = {
        var faults: [FaultSpec] = []
        var stall = FaultSpec(atMs: 1_000, kind: .stall, engine: EngineID("e1"))
        stall.durationMs = 300
        faults.append(stall)
        var garbage = FaultSpec(atMs: 2_000, kind: .garbage, engine: EngineID("e2"))
        garbage.lines = 3
        faults.append(garbage)
        var jump = FaultSpec(atMs: 3_000, kind: .clockJump, engine: nil)
        jump.durationMs = 200
        faults.append(jump)
        faults.append(FaultSpec(atMs: 4_000, kind: .crash, engine: EngineID("e2")))
        var hang = FaultSpec(atMs: 5_000, kind: .hang, engine: EngineID("e1"))
        hang.durationMs = 400
        faults.append(hang)
        var late = FaultSpec(atMs: 6_000, kind: .stall, engine: EngineID("e2"))
        late.durationMs = 100
        faults.append(late)
        return faults
    }()
}
