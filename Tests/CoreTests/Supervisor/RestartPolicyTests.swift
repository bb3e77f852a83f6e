import Core
import Wire
import Testing

@Suite("Restart policy schedules")
struct RestartPolicyTests {
    private func schedule(_ policy: RestartPolicy, count: UInt32) -> [UInt64] {
        (0..<count).map { policy.delayMs(restartIndex: $0) }
    }

    @Test("seed default backs off 1-2-4-8-16 s and allows 5 restarts")
    func seedDefault() {
        #expect(schedule(.seedDefault, count: 5) == [1_000, 2_000, 4_000, 8_000, 16_000])
        #expect(RestartPolicy.seedDefault.restartsMax == 5)
        #expect(RestartPolicy.seedDefault.jitterPermille == 0)
    }

    @Test("Kubernetes CrashLoopBackOff doubles from 10 s to a 300 s cap, reset after 10 min")
    func kubernetes() {
        let expected: [UInt64] = [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]
        #expect(schedule(.kubernetesCrashLoop, count: 8) == expected)
        #expect(RestartPolicy.kubernetesCrashLoop.restartsMax == nil)
        #expect(RestartPolicy.kubernetesCrashLoop.stableResetMs == 600_000)
    }

    @Test("systemd grows RestartSec geometrically over RestartSteps to RestartMaxDelaySec")
    func systemdSteps() {
        let policy = RestartPolicy.systemd(restartMs: 100, restartSteps: 5, restartMaxDelayMs: 10_000)
        #expect(schedule(policy, count: 7) == [100, 251, 630, 1_584, 3_981, 10_000, 10_000])
        let other = RestartPolicy.systemd(restartMs: 1_000, restartSteps: 4, restartMaxDelayMs: 60_000)
        #expect(schedule(other, count: 6) == [1_000, 2_783, 7_745, 21_558, 60_000, 60_000])
    }

    @Test("systemd defaults restart after 100 ms every time, limited to 5 starts in 10 s")
    func systemdDefault() {
        #expect(schedule(.systemdDefault, count: 4) == [100, 100, 100, 100])
        #expect(RestartPolicy.systemdDefault.startLimitBurst == 5)
        #expect(RestartPolicy.systemdDefault.startLimitIntervalMs == 10_000)
        #expect(RestartPolicy.systemdDefault.restartsOnCleanExit == false)
    }

    @Test("jitter stays within the fraction and repeats per seed", arguments: [1, 2, 3, 99] as [UInt64])
    func jitter(seed: UInt64) {
        var policy = RestartPolicy.seedDefault
        policy.jitterPermille = 100
        var first = SeededGenerator(seed: seed)
        var second = SeededGenerator(seed: seed)
        for index in 0..<UInt32(5) {
            let base = policy.delayMs(restartIndex: index)
            let delay = policy.delayMs(restartIndex: index, generator: &first)
            #expect(delay >= base && delay <= base + base / 10, "seed \(seed)")
            #expect(delay == policy.delayMs(restartIndex: index, generator: &second), "seed \(seed)")
        }
    }

    @Test("zero jitter draws nothing from the generator")
    func noDraw() {
        var generator = SeededGenerator(seed: 5)
        _ = RestartPolicy.seedDefault.delayMs(restartIndex: 3, generator: &generator)
        #expect(generator == SeededGenerator(seed: 5))
    }
}
