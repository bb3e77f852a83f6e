import Core
import Testing

@Suite("Engine supervisor: crash loops and restart policies")
struct CrashLoopTests {
    static let a: EngineID = "a"

    private func harness(_ policy: RestartPolicy) -> Harness {
        Harness(engines: [Fixture.engine("a") {
            $0.restart = policy
            $0.health.probeIntervalMs = 10_000_000
        }])
    }

    /// Crashes the engine `crashes` times, each after running `runMs` (0: crash right after spawning),
    /// and returns the observed restart delays; stops early when no restart is scheduled.
    private func observedDelays(_ harness: inout Harness, crashes: Int, runMs: UInt64, status: TerminationStatus = .signaled(signal: 11)) -> [UInt64] {
        var delays: [UInt64] = []
        var pid: Int32 = 100
        harness.client(.startEngine(Self.a))
        for _ in 0..<crashes {
            harness.send(.processSpawned(Self.a, pid: ProcessID(pid)))
            if runMs > 0 {
                harness.answerHandshake(Self.a)
                harness.advance(byMs: runMs)
            }
            _ = harness.takeActions()
            let actions = harness.send(.processExited(Self.a, pid: ProcessID(pid), status))
            guard let restartAt = actions.compactMap({ action -> UInt64? in
                if case .armTimer(.engine(Self.a, .restart), let at) = action { at } else { nil }
            }).first else { break }
            delays.append(restartAt - harness.now)
            harness.advance(byMs: restartAt - harness.now - 1)
            #expect(harness.takeEffects() == [])
            harness.advance(byMs: 1)
            #expect(harness.takeEffects() == [.spawn(Self.a, Fixture.engine("a").spawn)])
            pid += 1
        }
        return delays
    }

    @Test("seed default: 1-2-4-8-16 s, then the sixth crash fails the engine with diagnostics")
    func seedDefaultLoop() {
        var harness = harness(.seedDefault)
        harness.send(.engineStderr(Self.a, line: "loading model"))
        harness.send(.engineStderr(Self.a, line: "segfault in decoder"))
        #expect(observedDelays(&harness, crashes: 6, runMs: 0) == [1_000, 2_000, 4_000, 8_000, 16_000])
        guard case .failed(let diagnostics) = harness.state(Self.a) else {
            Issue.record("not failed: \(harness.state(Self.a))")
            return
        }
        #expect(diagnostics.cause == .crashSignal(signal: 11))
        #expect(diagnostics.exitStatus == .signaled(signal: 11))
        #expect(diagnostics.stderrTail == ["loading model", "segfault in decoder"])
        #expect(diagnostics.restartCount == 5)
        #expect(diagnostics.timeline.first == EngineTimelineEntry(atMs: 0, phase: .starting(.spawningProcess)))
        #expect(diagnostics.timeline.last == EngineTimelineEntry(atMs: 31_000, phase: .failed))
    }

    @Test("a Failed engine is only left by a manual start or restart, which resets the count")
    func manualRestartFromFailed() {
        var harness = harness(.seedDefault)
        _ = observedDelays(&harness, crashes: 6, runMs: 0)
        harness.advance(byMs: 1_000_000)
        #expect(harness.takeEffects() == [])
        harness.client(.restartEngine(Self.a))
        #expect(harness.takeEffects() == [.reply(.engineCommandAccepted([Self.a])), .spawn(Self.a, Fixture.engine("a").spawn)])
        #expect(harness.state(Self.a) == .starting(.spawningProcess, pid: nil))
        #expect(harness.coordinator.supervisors[Self.a]!.restartCount == 0)
    }

    @Test("Kubernetes CrashLoopBackOff: 10 s doubling to 300 s, unlimited")
    func kubernetesLoop() {
        var harness = harness(.kubernetesCrashLoop)
        let delays = observedDelays(&harness, crashes: 8, runMs: 1_000)
        #expect(delays == [10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000])
    }

    @Test("systemd: geometric steps, and the start limit fails the sixth start within 10 s")
    func systemdStartLimit() {
        let policy = RestartPolicy.systemd(restartMs: 100, restartSteps: 5, restartMaxDelayMs: 10_000)
        var harness = harness(policy)
        #expect(observedDelays(&harness, crashes: 6, runMs: 0) == [100, 251, 630, 1_584])
        guard case .failed = harness.state(Self.a) else {
            Issue.record("not failed: \(harness.state(Self.a))")
            return
        }
    }

    @Test("systemd without a start limit keeps restarting at the max delay")
    func systemdUnlimited() {
        var policy = RestartPolicy.systemd(restartMs: 100, restartSteps: 5, restartMaxDelayMs: 10_000)
        policy.startLimitBurst = nil
        var harness = harness(policy)
        #expect(observedDelays(&harness, crashes: 7, runMs: 0) == [100, 251, 630, 1_584, 3_981, 10_000, 10_000])
    }

    @Test("systemd on-failure does not restart after a clean exit")
    func systemdCleanExit() {
        var harness = harness(.systemdDefault)
        #expect(observedDelays(&harness, crashes: 1, runMs: 1_000, status: .exited(code: 0)) == [])
        #expect(harness.state(Self.a) == .stopped)
    }

    @Test("the seed default restarts after an unrequested clean exit")
    func seedCleanExit() {
        var harness = harness(.seedDefault)
        #expect(observedDelays(&harness, crashes: 1, runMs: 1_000, status: .exited(code: 0)) == [1_000])
    }

    @Test("the count resets after a stable run of stableResetMs, not 1 ms before", arguments: [59_999, 60_000] as [UInt64])
    func stableReset(runMs: UInt64) {
        var harness = harness(.seedDefault)
        let delays = observedDelays(&harness, crashes: 3, runMs: runMs)
        #expect(delays == (runMs >= 60_000 ? [1_000, 1_000, 1_000] : [1_000, 2_000, 4_000]))
    }

    @Test("Kubernetes resets its backoff after 10 minutes of running, not 1 ms before", arguments: [599_999, 600_000] as [UInt64])
    func kubernetesReset(runMs: UInt64) {
        var harness = harness(.kubernetesCrashLoop)
        let delays = observedDelays(&harness, crashes: 3, runMs: runMs)
        #expect(delays == (runMs >= 600_000 ? [10_000, 10_000, 10_000] : [10_000, 20_000, 40_000]))
    }

    @Test("systemd never resets its restart counter after a stable run")
    func systemdNoReset() {
        var policy = RestartPolicy.systemd(restartMs: 100, restartSteps: 2, restartMaxDelayMs: 400)
        policy.startLimitBurst = nil
        var harness = harness(policy)
        #expect(observedDelays(&harness, crashes: 3, runMs: 3_600_000) == [100, 200, 400])
    }

    @Test("an OOM-like SIGKILL is classified as killed_by_system")
    func oomKill() {
        var harness = harness(.seedDefault)
        _ = observedDelays(&harness, crashes: 1, runMs: 1_000, status: .signaled(signal: 9))
        let crash = harness.coordinator.events.replay(job: nil, after: nil).compactMap { event -> ExitCause? in
            if case .engine(_, .crashed(let cause, _)) = event.kind { cause } else { nil }
        }
        #expect(crash == [.killedBySystem])
    }

    @Test("jitter from the seeded generator delays restarts by at most the fraction")
    func jitteredRestart() {
        var policy = RestartPolicy.seedDefault
        policy.jitterPermille = 500
        var harness = harness(policy)
        let delays = observedDelays(&harness, crashes: 5, runMs: 0)
        for (delay, base) in zip(delays, [1_000, 2_000, 4_000, 8_000, 16_000] as [UInt64]) {
            #expect(delay >= base && delay <= base + base / 2)
        }
        var again = self.harness(policy)
        #expect(observedDelays(&again, crashes: 5, runMs: 0) == delays)
    }
}
