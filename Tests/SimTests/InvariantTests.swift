import Core
import Sim
import Testing

@Suite("Simulator invariants")
struct InvariantTests {
    @Test("a replay that skips, repeats or reorders events is reported as a gap")
    func replayGap() throws {
        let scenario = try Fixtures.scenario("reconnect-replay-gap-free.json")
        let world = SimWorld(scenario: scenario, seed: scenario.seed)
        world.run(untilMs: 5_000)
        #expect(world.violations.isEmpty)
        let job = world.book.ids["t1"]!
        let subscription = Subscription(alias: "t1", job: job, lastSeen: nil)
        let all = world.coordinator.events.replay(job: job, after: nil)
        #expect(all.count > 5)
        world.checkReplay(all, subscription: subscription)
        #expect(world.violations.isEmpty)
        world.checkReplay(Array(all.dropFirst(2)), subscription: subscription)
        world.checkReplay(all + [all[3]], subscription: subscription)
        world.checkReplay([all[1], all[0]] + all.dropFirst(2), subscription: subscription)
        #expect(world.violations.map(\.id) == ["replay_gap", "replay_gap", "replay_gap"])
    }

    @Test("a clock jump runs everything due in between at the jump's end, in order")
    func clockJump() throws {
        var scenario = try Fixtures.scenario("backoff-seed-policy.json")
        var jump = FaultSpec(atMs: 100, kind: .clockJump, engine: nil)
        jump.durationMs = 5_000
        scenario.faults = [jump]
        let world = SimWorld(scenario: scenario, seed: scenario.seed)
        world.run(untilMs: 5_099)
        #expect(world.coordinator.engineState(EngineID("e1"))?.phase == .running)
        world.run(untilMs: 5_100)
        #expect(world.coordinator.engineState(EngineID("e1"))?.phase == .backingOff)
        let restarting = world.events.filter { $0.name == "signal.engine.restarting" }
        #expect(restarting.map(\.atMs) == [5_100])
    }

    @Test("a stalled pipe delivers nothing until the stall ends, then everything in order")
    func stall() throws {
        let scenario = try Fixtures.scenario("pipe-stall.json")
        let world = SimWorld(scenario: scenario, seed: scenario.seed)
        world.run(untilMs: 8_999)
        let drafts = world.events.filter { $0.name == "subtitle.draft" && $0.job != nil }
        #expect(drafts.count == 1)
        world.run(untilMs: 9_002)
        let after = world.events.filter { $0.name == "subtitle.draft" && $0.job != nil }
        #expect(after.count == 4)
        #expect(after.map(\.detail) == ["0", "1", "2", "3"])
        #expect(world.violations.isEmpty)
    }
}
