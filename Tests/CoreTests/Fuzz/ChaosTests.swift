import Core
import Testing

/// Seeded chaos: a faulty phase (crashes, garbage, refused handshakes, cancellations, stops) then a
/// fault-free liveness phase that must converge — every task final and nothing left running.
@Suite("Coordinator under seeded chaos")
struct ChaosTests {
    @Test("invariants hold through faults and every task ends once faults stop", arguments: Array(1...24) as [UInt64])
    func chaos(seed: UInt64) {
        var world = ChaosWorld(seed: seed)
        for _ in 0..<400 { world.step(faults: true) }
        world.absorb(world.harness.client(.restartEngine("a")))
        world.absorb(world.harness.client(.restartEngine("b")))
        world.absorb(world.harness.client(.restartEngine("c")))
        for iteration in 0..<3_000 {
            if iteration % 50 == 0 && world.converged { break }
            world.answerProcess(faults: false)
            world.answerRequest(faults: false)
            if world.requests.isEmpty && world.spawning.isEmpty && world.dependencyChecks.isEmpty
                && world.dependencyInstalls.isEmpty
            {
                world.advance()
            }
        }
        #expect(world.openTasks == [], "seed \(seed): unfinished")
        world.checkReplays()
        #expect(world.harness.coordinator.scheduler.requestsInFlight == 0, "seed \(seed)")
    }
}
