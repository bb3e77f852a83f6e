import Wire

/// The one state machine the drivers talk to: engine supervisors + scheduler + event log.
///
/// `handle(_:now:)` takes one `CoordinatorInput` and the driver's time (ms, monotonic, never
/// decreasing) and returns the `CoordinatorAction`s to perform, in order. It does no I/O, reads no
/// clock, and draws randomness only from its seeded generator, so the same inputs at the same times
/// give the same actions (the simulator's replay relies on it). After each input it dispatches queued
/// work to engines that accept it. `checkInvariants()` lists anything broken.
///
/// Driver contract (the simulator and the runtime both follow it):
/// - Perform the returned actions after `handle` returns, in order, never while holding a lock.
/// - `.spawn`: start the process in its own process group (no shell), then report `.processSpawned`
///   or `.spawnFailed`; later report `.processExited` exactly once per spawned pid, after reaping it.
///   Use a fresh `EngineStreamDecoder` per process for its stdout and hand every input it yields to
///   `handle`; at stdout EOF hand over `finish()`'s input (if any) before reporting the exit.
///   Each stderr line becomes `.engineStderr`.
/// - `.send`: write `EngineCodec.encodedLine(request)` to the engine's stdin (a failed write is
///   ignored: the exit will be reported).
/// - `.signal(engine, pid, signal, processGroup: true)`: `kill(-pid, signal)` unless that pid was
///   already reaped.
/// - `.armTimer(id, atMs)` arms or moves timer `id`; `.cancelTimer(id)` drops it; deliver
///   `.timerFired(id)` when due (or call `.tick` with the current time). Late or stale firings are
///   harmless: ids no longer armed are ignored.
/// - `.checkDependencies`/`.installDependencies`: answer with `.dependenciesChecked`/`.dependenciesInstalled`.
/// - `.emit(event)`: deliver to subscribers of `event.job` (nil: coordinator-wide); `Event.json` is
///   the wire form. `.reply` answers the `.client` command of the same call.
package struct Coordinator: Sendable {
    package let configuration: CoordinatorConfiguration
    /// Engine ids in order; every loop over engines uses it.
    package var engineIDs: [EngineID] { supervisors.index.ids }
    /// What the dispatcher needs of each engine (in `engineIDs` order), refreshed whenever its
    /// supervisor changes.
    var slots: [EngineSlot] = []
    package internal(set) var supervisors: SupervisorTable
    package internal(set) var scheduler: Scheduler
    /// The current call's actions, the event log and the armed timers.
    var sink: ActionSink
    package var events: EventLog { sink.events }
    package internal(set) var generator: SeededGenerator
    var requestIDs = RequestIDAllocator()
    /// Jobs whose requests an engine lost (by engine position), told about that engine's signals
    /// until it is Ready again.
    var jobsLostByEngine: [[TaskID]]
    /// Storage reused by every supervisor step for its outputs (see `supervisorBuffer`).
    var supervisorOutputs: [SupervisorOutput] = []
    /// The latest `now` seen; time never goes back (a driver bug otherwise).
    package internal(set) var lastNowMs: UInt64 = 0

    package init(configuration: CoordinatorConfiguration) {
        self.configuration = configuration
        supervisors = SupervisorTable(configuration.engines)
        sink = ActionSink(
            events: EventLog(historyMax: configuration.eventHistoryMax), timers: TimerTable(engines: supervisors.index))
        var capacities: [EngineID: UInt32?] = [:]
        for engine in configuration.engines { capacities[engine.id] = engine.costCapacity }
        scheduler = Scheduler(configuration: configuration.scheduler, engines: capacities)
        generator = SeededGenerator(seed: configuration.seed)
        slots = supervisors.all.map(Self.slot)
        jobsLostByEngine = Array(repeating: [], count: supervisors.all.count)
    }

    static func slot(_ supervisor: EngineSupervisor) -> EngineSlot {
        EngineSlot(
            id: supervisor.id, acceptsWork: supervisor.acceptsWork,
            requestsInFlightMax: supervisor.requestsInFlightMax, costCapacity: supervisor.configuration.costCapacity)
    }

    /// Handles one input at `now` and returns the actions to perform, in order.
    package mutating func handle(_ input: CoordinatorInput, now: UInt64) -> [CoordinatorAction] {
        precondition(now >= lastNowMs, "time went back from \(lastNowMs) to \(now) ms")
        lastNowMs = now
        // One array for the whole call: every step appends to the sink's (no per-step arrays).
        sink.begin(now: now, reserving: Self.actionsReserved)
        switch input {
        case .timerFired(let timer):
            fire(timer, now: now)
        case .tick:
            fireDueTimers(now: now)
        case .client(let command):
            client(command, now: now)
        default:
            engineInput(input, now: now)
        }
        dispatch(now: now)
        sink.pruneTimerQueue()
        return sink.takeActions()
    }

    /// Room reserved for one input's actions: a reply that completes a task and starts the next
    /// fits without regrowing.
    static let actionsReserved = 8

    /// Sends queued work to engines that accept it.
    mutating func dispatch(now: UInt64) {
        guard scheduler.mayDispatch else { return }
        scheduler.dispatch(now: now, engines: slots, requestIDs: &requestIDs, into: &sink)
    }

    // MARK: Queries

    package func engineState(_ id: EngineID) -> EngineState? { supervisors[id]?.state }
    package func taskState(_ id: TaskID) -> TaskState? { scheduler.task(id)?.state }
    package func task(_ id: TaskID) -> SchedulerTask? { scheduler.task(id) }

    /// Armed timers by due time then arming order.
    package var armedTimers: [(timer: TimerID, atMs: UInt64)] {
        sink.armedTimers
    }

    /// The earliest armed timer, if any (O(1)).
    package var nextTimer: (timer: TimerID, atMs: UInt64)? {
        sink.nextTimer
    }
}
