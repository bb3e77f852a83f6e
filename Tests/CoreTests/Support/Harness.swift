import Core
import Testing
import Wire

/// Drives a `Coordinator` under a virtual clock, firing its timers in order, collecting actions and
/// checking invariants after every step. Tests read `takeActions()` and assert exact values.
struct Harness {
    var coordinator: Coordinator
    private(set) var now: UInt64 = 0
    private var pending: [CoordinatorAction] = []

    init(configuration: CoordinatorConfiguration) {
        coordinator = Coordinator(configuration: configuration)
    }

    init(engines: [EngineConfiguration], scheduler: SchedulerConfiguration = .default, historyMax: Int = 1_000) {
        var configuration = CoordinatorConfiguration(engines: engines)
        configuration.scheduler = scheduler
        configuration.eventHistoryMax = historyMax
        self.init(configuration: configuration)
    }

    /// Handles one input at the current time.
    @discardableResult
    mutating func send(_ input: CoordinatorInput) -> [CoordinatorAction] {
        let actions = coordinator.handle(input, now: now)
        pending += actions
        let violations = coordinator.checkInvariants()
        if !violations.isEmpty { Issue.record("after \(input) at \(now): \(violations)") }
        return actions
    }

    @discardableResult
    mutating func client(_ command: ClientCommand) -> [CoordinatorAction] { send(.client(command)) }

    /// Moves the clock forward by `ms`, firing every timer due on the way at its own time.
    mutating func advance(byMs ms: UInt64) { advance(to: now + ms) }

    mutating func advance(to time: UInt64) {
        precondition(time >= now, "time goes forward")
        while let next = coordinator.nextTimer, next.atMs <= time {
            now = max(now, next.atMs)
            send(.timerFired(next.timer))
        }
        now = time
    }

    /// Actions since the last take.
    mutating func takeActions() -> [CoordinatorAction] {
        defer { pending = [] }
        return pending
    }

    /// Taken actions without timer bookkeeping and events (the "effects" a process sees).
    mutating func takeEffects() -> [CoordinatorAction] {
        takeActions().filter {
            switch $0 {
            case .armTimer, .cancelTimer, .emit: false
            default: true
            }
        }
    }

    /// Names of the events among the taken actions.
    mutating func takeEventNames() -> [String] {
        takeActions().compactMap { if case .emit(let event) = $0 { event.kind.name } else { nil } }
    }

    /// The engine's state now.
    func state(_ engine: EngineID) -> EngineState { coordinator.engineState(engine)! }

    /// The id of the last request of this method sent to the engine among `actions`.
    static func lastRequest(_ method: String, to engine: EngineID, in actions: [CoordinatorAction]) -> RequestID? {
        for action in actions.reversed() {
            if case .send(engine, let request) = action, request.method == method, let id = request.id { return id }
        }
        return nil
    }

    /// Starts the engine and answers spawn, `initialize` and the first health probe: it ends Running.
    mutating func bringUp(_ engine: EngineID, pid: Int32, maxConcurrentRequests: Int = 4) {
        if case .stopped = state(engine) { client(.startEngine(engine)) }
        if case .failed = state(engine) { client(.startEngine(engine)) }
        send(.processSpawned(engine, pid: ProcessID(pid)))
        answerHandshake(engine, maxConcurrentRequests: maxConcurrentRequests)
    }

    /// Answers the outstanding `initialize` and then the first `health_check` with ok.
    mutating func answerHandshake(_ engine: EngineID, maxConcurrentRequests: Int = 4) {
        let initialize = Self.lastRequest("initialize", to: engine, in: pending)!
        let actions = send(.engineMessage(engine, .response(initialize, .success(Fixture.initializeResult(
            maxConcurrentRequests: maxConcurrentRequests)))))
        let probe = Self.lastRequest("health_check", to: engine, in: actions)!
        send(.engineMessage(engine, .response(probe, .success(Fixture.health("ok")))))
    }

    /// Answers the last health probe sent to the engine.
    mutating func answerProbe(_ engine: EngineID, status: String, in actions: [CoordinatorAction]) {
        let probe = Self.lastRequest("health_check", to: engine, in: actions)!
        send(.engineMessage(engine, .response(probe, .success(Fixture.health(status)))))
    }
}
