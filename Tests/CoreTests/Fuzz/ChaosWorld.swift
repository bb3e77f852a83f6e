import Core
import Testing
import Wire

/// A tiny seeded world around a `Coordinator` for chaos tests: fake processes that come and go,
/// engines that answer requests well or badly, clients that submit and cancel — every choice drawn from
/// one `SeededGenerator`, invariants checked after every step.
struct ChaosWorld {
    var harness: Harness
    var random: SeededGenerator
    let engines: [EngineID] = ["a", "b", "c"]
    var nextPid: Int32 = 1_000
    /// Engines waiting for a spawn answer.
    var spawning: [EngineID] = []
    var dependencyChecks: [EngineID] = []
    var dependencyInstalls: [EngineID] = []
    /// Live processes by engine.
    var pids: [EngineID: ProcessID] = [:]
    /// Outstanding requests: (engine, request).
    var requests: [(engine: EngineID, request: EngineRequest)] = []
    var submitted: [TaskID] = []
    /// Every event emitted, per job (coordinator-wide under nil).
    var emitted: [TaskID?: [Event]] = [:]

    init(seed: UInt64) {
        random = SeededGenerator(seed: seed)
        var configuration = CoordinatorConfiguration(engines: [
            Fixture.engine("a") { $0.requestsInFlightMax = 2; $0.restart.jitterPermille = 200 },
            Fixture.engine("b") { $0.restart = .kubernetesCrashLoop; $0.dependencies = ["model"]; $0.costCapacity = 4 },
            Fixture.engine("c") { $0.restart = .systemd(restartMs: 100, restartSteps: 3, restartMaxDelayMs: 2_000) },
        ])
        configuration.seed = seed
        configuration.scheduler.queueCapacity = 40
        configuration.scheduler.requestsInFlightMax = 3
        configuration.scheduler.agingStepMs = 2_000
        configuration.eventHistoryMax = 16
        harness = Harness(configuration: configuration)
    }

    /// Submitted tasks not final yet.
    var openTasks: [TaskID] {
        submitted.filter { harness.coordinator.taskState($0).map { !$0.isFinal } ?? false }
    }

    /// Every task final and nothing in flight.
    var converged: Bool { openTasks.isEmpty && harness.coordinator.scheduler.requestsInFlight == 0 }

    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int(random.below(UInt64(items.count)))]
    }

    mutating func chance(_ percent: UInt64) -> Bool { random.below(100) < percent }

    /// Performs one random step.
    mutating func step(faults: Bool) {
        switch random.below(20) {
        case 0...2: submit()
        case 3: if faults, let task = pick(submitted) { absorb(harness.client(.cancel(task))) }
        case 4: if chance(50) { engineCommand(faults: faults) }
        case 5...10: answerRequest(faults: faults)
        case 11...14: answerProcess(faults: faults)
        case 15: if faults && chance(50) { crash() }
        default: advance()
        }
    }

    mutating func submit() {
        var spec = Fixture.task("/audio\(submitted.count).wav", TaskPriority(rawValue: Int(random.below(4)))!)
        if chance(30) { spec.engines = [pick(engines)!] }
        if chance(10) { spec.engines = ["a", "c"] }
        if chance(20), let dependency = pick(submitted) { spec.dependencies = [dependency] }
        if chance(20) { spec.deadlineMs = harness.now + 1 + random.below(60_000) }
        if chance(20) { spec.requestTimeoutMs = 1 + random.below(20_000) }
        if chance(20) { spec.idempotencyKey = "key\(random.below(5))" }
        spec.cost = UInt32(1 + random.below(3))
        let actions = harness.client(.submit(spec))
        if case .reply(.submitted(let id, false))? = actions.first { submitted.append(id) }
        absorb(actions)
    }

    mutating func engineCommand(faults: Bool) {
        let engine = pick(engines)!
        let command: ClientCommand
        switch random.below(faults ? 4 : 1) {
        case 0: command = .restartEngine(engine)
        case 1: command = .stopEngine(engine)
        case 2: command = .startEngine(engine)
        default: command = .startAllEngines
        }
        absorb(harness.client(command))
    }

    mutating func advance() {
        let target = harness.now + random.below(chance(90) ? 1_000 : 40_000)
        while let next = harness.coordinator.nextTimer, next.atMs <= target {
            harness.advance(to: next.atMs)
            absorb(harness.takeActions())
        }
        harness.advance(to: target)
        absorb(harness.takeActions())
    }
}
