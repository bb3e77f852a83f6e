import Audio
import Core
import Wire

/// The deterministic simulated world around one `Coordinator`: a virtual clock, one event queue
/// ordered by (time, sequence), simulated engine processes with pipes and signals, a timer service,
/// clients and faults. Every coordinator input goes through `deliver(_:)`, which traces it with the
/// returned actions, performs the actions and runs the invariant checks.
///
/// The world is single-threaded and its methods never hold two overlapping accesses to one property,
/// so its stored properties skip the runtime exclusivity checks (`@exclusivity(unchecked)`): those
/// checks cost more than the work on the hot paths (every event reads several properties).
///
/// Randomness: one `SeededGenerator` (SplitMix64, see Wire/Random) seeded with the run seed. Its first draw
/// seeds the coordinator (restart jitter); later draws decide pipe chunking and delivery jitter.
package final class SimWorld {
    package let scenario: Scenario
    package let seed: UInt64
    package let faults: [FaultSpec]
    package let options: RunOptions
    @exclusivity(unchecked) package internal(set) var coordinator: Coordinator
    @exclusivity(unchecked) package internal(set) var nowMs: UInt64 = 0
    /// A clock jump moves this ahead: nothing happens before it any more.
    @exclusivity(unchecked) var floorMs: UInt64 = 0
    @exclusivity(unchecked) var queue = EventQueue()
    @exclusivity(unchecked) var generator: SeededGenerator
    @exclusivity(unchecked) var processes = ProcessTable()
    @exclusivity(unchecked) var nextPid: Int32 = ProcessTable.firstPid - 1
    @exclusivity(unchecked) var spawnCounts: [EngineID: Int] = [:]
    @exclusivity(unchecked) var leaders: [EngineID: ProcessID] = [:]
    @exclusivity(unchecked) var installed: Set<EngineID> = []
    @exclusivity(unchecked) var timerGenerations: [TimerID: UInt64] = [:]
    @exclusivity(unchecked) var timerCounter: UInt64 = 0
    @exclusivity(unchecked) package internal(set) var clients: [SimClient] = []
    @exclusivity(unchecked) package internal(set) var book = TaskBook()
    @exclusivity(unchecked) package internal(set) var events: [RecordedEvent] = []
    /// Full events per job (and `nil`: coordinator-wide) for replay checks.
    @exclusivity(unchecked) var jobEvents: [TaskID?: [Event]] = [:]
    @exclusivity(unchecked) var lanes = LaneTracker()
    @exclusivity(unchecked) package internal(set) var violations: [SimViolation] = []
    @exclusivity(unchecked) package internal(set) var trace: TraceWriter?
    @exclusivity(unchecked) package internal(set) var inputsHandled: UInt64 = 0
    /// Every input with its time, when `options.recordInputs`.
    @exclusivity(unchecked) package internal(set) var recordedInputs: [(atMs: UInt64, input: CoordinatorInput)] = []
    @exclusivity(unchecked) package internal(set) var actionsPerformed: UInt64 = 0
    @exclusivity(unchecked) var inLiveness = false
    /// Audio files hosted reference engines read (tone speech rendered from the scenario's words).
    let files: [String: [UInt8]]
    /// The alias of the submission being delivered (its reply is booked when performed).
    var submittingAlias: String?

    package init(scenario: Scenario, seed: UInt64, faults: [FaultSpec]? = nil, options: RunOptions = .full,
                 scenarioPath: String = "", expectations: Bool = true, liveness: Bool = false) {
        self.scenario = scenario
        self.seed = seed
        self.faults = faults ?? scenario.faults
        self.options = options
        var generator = SeededGenerator(seed: seed)
        coordinator = Coordinator(configuration: scenario.coordinatorConfiguration(seed: generator.next()))
        self.generator = generator
        var files: [String: [UInt8]] = [:]
        for (path, words) in scenario.audio { files[path] = ToneSpeech.render(words).encoded() }
        self.files = files
        if options.trace {
            trace = TraceWriter(header: TraceHeader(
                scenarioPath: scenarioPath, scenarioName: scenario.name, seed: seed, faults: self.faults,
                expectations: expectations, liveness: liveness))
        }
        scheduleScenario()
    }

    private func scheduleScenario() {
        for engine in scenario.engines where engine.autoStart {
            queue.schedule(.input(.client(.startEngine(engine.id))), atMs: 0)
        }
        var submissions = 0
        for step in scenario.steps {
            if case .submit = step.action { submissions += step.repeatCount }
        }
        if submissions > 0 { book.reserve(submissions) }
        for (index, step) in scenario.steps.enumerated() {
            for repetition in 0..<step.repeatCount {
                queue.schedule(.client(index: index, repetition: repetition),
                               atMs: step.atMs + UInt64(repetition) * step.everyMs)
            }
        }
        for (index, fault) in faults.enumerated() { queue.schedule(.fault(index: index), atMs: fault.atMs) }
    }

    /// Runs every event due up to `untilMs` (inclusive), then sets the clock there.
    package func run(untilMs: UInt64) {
        var eventsThisMs = 0
        while let next = queue.nextTimeMs, next <= untilMs, violations.count < options.violationsMax {
            let (timeMs, event) = queue.popEarliest()
            let time = max(nowMs, max(timeMs, floorMs))
            eventsThisMs = time == nowMs ? eventsThisMs + 1 : 0
            nowMs = time
            guard eventsThisMs < Self.eventsPerMsMax else {
                violations.append(SimViolation("stuck_at_time", "over \(Self.eventsPerMsMax) events at one ms", atMs: nowMs))
                return
            }
            handle(event)
        }
        nowMs = max(nowMs, untilMs)
    }

    /// More events than this at one virtual millisecond means something reschedules itself forever.
    static let eventsPerMsMax = 2_000_000

    private func handle(_ event: consuming SimEvent) {
        switch event {
        case .input(let input): _ = deliver(input)
        case .timer(let timer, let generation):
            guard timerGenerations[timer] == generation else { return }
            timerGenerations[timer] = nil
            _ = deliver(.timerFired(timer))
        case .stdin(let pid, let bytes): stdinArrived(pid, bytes)
        case .stdout(let pid, let bytes): stdoutArrived(pid, bytes)
        case .stderr(let pid, let bytes): stderrArrived(pid, bytes)
        case .reap(let pid, let status): reap(pid, status)
        case .engineStep(let pid, let step): engineStep(pid, step)
        case .client(let index, let repetition): clientStep(index, repetition: repetition)
        case .fault(let index): inject(faults[index])
        case .release(let pid): release(pid)
        case .liveness: beginLiveness()
        }
    }

    /// Hands one input to the coordinator at the current time, traces it, performs the actions and
    /// checks invariants. Returns the actions (client steps read their `.reply`).
    @discardableResult
    func deliver(_ input: CoordinatorInput) -> [CoordinatorAction] {
        let actions = coordinator.handle(input, now: nowMs)
        inputsHandled += 1
        if options.recordInputs { recordedInputs.append((nowMs, input)) }
        trace?.append(atMs: nowMs, input: input, actions: actions)
        for action in actions { perform(action, after: input) }
        actionsPerformed += UInt64(actions.count)
        if options.checkInvariants { checkAfterStep() }
        return actions
    }

    /// Schedules an event `delayMs` from now.
    func schedule(_ event: consuming SimEvent, afterMs delayMs: UInt64 = 0) {
        queue.schedule(event, atMs: nowMs + delayMs)
    }

    package var pendingEventCount: Int { queue.count }
    package var scheduledEventCount: UInt64 { queue.scheduledCount }
}

extension SimWorld {
    /// A value drawn at the end of the run (FoundationDB's "unseed"): equal runs draw equal values.
    package func unseed() -> UInt64 {
        var copy = generator
        return copy.next() ^ coordinator.generator.state
    }
}
