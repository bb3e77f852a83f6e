import Core
import Sim
import Testing

/// The pure parts of the scenario parity tests: the time scaling and the normalised observation.
@Suite("Scenario parity: scaling and observation")
struct ScenarioParityScalingTests {
    @Test("lsref's millisecond flags are divided by the factor and its other flags are kept")
    func lsrefFlags() {
        let flags = [
            "--crash-after", "1", "--latency-ms", "2000", "--loading-ms", "30", "--step-ms", "20", "--ignore-sigterm",
        ]
        #expect(ScenarioParityScaling.lsrefArguments(flags, factor: 10)
            == ["--crash-after", "1", "--latency-ms", "200", "--loading-ms", "3", "--step-ms", "2", "--ignore-sigterm"])
    }

    @Test("every policy duration of an engine is divided by the factor and counts are kept")
    func enginePolicies() {
        let defaults = EngineConfiguration(id: "e", spawn: SpawnSpec(executable: "/e"))
        let engine = ScenarioParityScaling.engine(defaults, factor: 10)
        #expect(engine.restart.backoff == .exponential(initialMs: 100, multiplier: 2, capMs: 1_600))
        #expect(engine.restart.restartsMax == 5)
        #expect(engine.restart.stableResetMs == 6_000)
        #expect(engine.health.probeIntervalMs == 3_000)
        #expect(engine.health.probeTimeoutMs == 500)
        #expect(engine.health.failuresMax == 3)
        #expect(engine.health.loadingDeadlineMs == 12_000)
        #expect(engine.startup.spawningProcessTimeoutMs == 1_000)
        #expect(engine.startup.waitingForHealthTimeoutMs == 3_000)
        #expect(engine.stop.stopRequestGraceMs == 500)
        #expect(engine.stop.steps == [StopStep(signal: .terminate, graceMs: 500)])
    }

    @Test("scheduler durations are divided by the factor")
    func scheduler() {
        let configuration = ScenarioParityScaling.coordinator(CoordinatorConfiguration(engines: []), factor: 10)
        #expect(configuration.scheduler.agingStepMs == 1_000)
        #expect(configuration.scheduler.cancelGraceMs == 200)
        #expect(configuration.scheduler.requestTimeoutMs == 180_000)
        #expect(configuration.scheduler.attemptsMax == 3)
    }

    static func event(_ id: UInt64, _ kind: EventKind, job: TaskID? = nil) -> RecordedEvent {
        RecordedEvent(Event(id: EventID(id), job: job, atMs: 0, priority: .normal, kind: kind), atMs: 0)
    }

    @Test("the observation keeps supervisor states in order, folds a loading stage and leaves health signals out")
    func observation() {
        let task = TaskID(7)
        let events = [
            Self.event(1, .engine("e", .stage(.spawningProcess))),
            Self.event(2, .engine("e", .stage(.waitingForHealth))),
            Self.event(3, .engine("e", .stage(.loading))),
            Self.event(4, .engine("e", .ready(pid: ProcessID(9), requestsInFlightMax: 1))),
            Self.event(5, .taskStarted(engine: "e", request: RequestID(1), dispatch: 1), job: task),
            Self.event(6, .engine("e", .unhealthy(consecutiveFailures: 1))),
            Self.event(7, .engine("e", .crashed(.healthFailure, nil))),
            Self.event(8, .engine("e", .restarting(delayMs: 100, restartCount: 1))),
            Self.event(9, .taskCompleted, job: task),
        ]
        let observe = { (events: [RecordedEvent]) in
            ScenarioParityObservation(events, engines: ["e"], aliases: ["t1", "t2"], alias: { _ in "t1" })
        }
        let observed = observe(events)
        #expect(observed.states == ["e": ["stage:spawning_process", "stage:waiting_for_health", "ready",
                                          "crashed:health_failure", "restarting"]])
        #expect(observed.dispatches == ["t1": 1, "t2": 0])
        #expect(observed.outcomes == ["t1": "completed", "t2": "unfinished"])
        let earlier = observe(Array(events.prefix(5)))
        #expect(observed.covers(earlier))
        #expect(!earlier.covers(observed))
    }
}
