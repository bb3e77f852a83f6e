import Core
import Sim
import Testing
import Wire

@Suite("Simulated world")
struct WorldTests {
    @Test("events scheduled after the first pop interleave with the backlog by time, then scheduling order")
    func queueBacklogOrder() {
        var queue = EventQueue()
        var generator = SeededGenerator(seed: 9)
        var expected: [(time: UInt64, index: Int)] = []
        var order: [Int] = []
        for index in 0..<200 {
            let time = UInt64(generator.below(50))
            queue.schedule(.fault(index: index), atMs: time)
            expected.append((time, index))
        }
        var now: UInt64 = 0
        var next = 200
        while let entry = queue.pop() {
            guard case .fault(let index) = entry.event else { continue }
            #expect(entry.timeMs >= now)
            now = entry.timeMs
            order.append(index)
            if next < 400 {  // schedule more at or after the current time, some at the same ms
                let time = now + UInt64(generator.below(3))
                queue.schedule(.fault(index: next), atMs: time)
                expected.append((time, next))
                next += 1
            }
        }
        // Stable sort by time keeps scheduling order for equal times (indexes are scheduling order).
        let sorted = expected.enumerated().sorted { ($0.element.time, $0.offset) < ($1.element.time, $1.offset) }
        #expect(order == sorted.map(\.element.index))
        #expect(queue.isEmpty && queue.scheduledCount == 400)
    }

    @Test("the queue runs events by time, then in scheduling order")
    func queueOrder() {
        var queue = EventQueue()
        queue.schedule(.fault(index: 0), atMs: 5)
        queue.schedule(.fault(index: 1), atMs: 3)
        queue.schedule(.fault(index: 2), atMs: 5)
        queue.schedule(.fault(index: 3), atMs: 3)
        queue.schedule(.fault(index: 4), atMs: 0)
        var order: [Int] = []
        while let entry = queue.pop() {
            if case .fault(let index) = entry.event { order.append(index) }
        }
        #expect(order == [4, 1, 3, 0, 2])
    }

    @Test("the same scenario under other seeds chunks pipes differently but reaches the same outcome",
          arguments: [UInt64(1), 2, 3, 1_000, 987_654_321])
    func seedsChangeChunkingNotOutcome(seed: UInt64) throws {
        let scenario = try Fixtures.scenario("happy-path.json")
        let report = ScenarioRunner.run(scenario, path: "happy-path.json", seed: seed)
        #expect(report.passed, "\(report.summary)")
    }

    @Test("advancing the clock runs exactly what is due, on both sides of a deadline")
    func deadlines() throws {
        let scenario = try Fixtures.scenario("backoff-seed-policy.json")
        let world = SimWorld(scenario: scenario, seed: scenario.seed)
        world.run(untilMs: 199)
        #expect(world.coordinator.engineState(EngineID("e1"))?.phase == .running)
        world.run(untilMs: 200)
        #expect(world.coordinator.engineState(EngineID("e1"))?.phase == .backingOff)
        world.run(untilMs: 1_199)
        #expect(world.coordinator.engineState(EngineID("e1"))?.phase == .backingOff)
        world.run(untilMs: 1_200)
        #expect(world.coordinator.engineState(EngineID("e1"))?.phase == .starting(.waitingForHealth))
    }

    @Test("the scripted engine's plan orders progress, drafts and the reply by time")
    func plan() {
        var request = RequestScript()
        request.latencyMs = 1_000
        request.progressSteps = 1
        request.drafts = 1
        request.overwrites = 1
        let (steps, offsets) = ScriptedEngine.plan(request)
        #expect(steps == [.draft(seq: 1, segment: 0), .progress(permille: 500), .draft(seq: 2, segment: 0), .reply])
        #expect(offsets == [333, 500, 666, 1_000])
        request.outcome = .crash
        request.crashAtMs = 400
        #expect(ScriptedEngine.plan(request).0[1] == .crash)
        #expect(ScriptedEngine.plan(request).1 == [333, 400, 500, 666])
        #expect(RPCLines.thousandths(1_250) == .number(JSONNumber(unchecked: "1.25")))
        #expect(RPCLines.thousandths(2_000) == .number(JSONNumber(2)))
        #expect(RPCLines.thousandths(5) == .number(JSONNumber(unchecked: "0.005")))
    }
}
