import Core

/// The driver thread's own state: the coordinator, its loop, the live children and their stdout
/// decoders. Only the driver thread touches it, so it needs no lock; other threads see
/// `RuntimeDriver.Snapshot`.
struct DriverSession {
    struct Child {
        var pid: ProcessID
        var process: ChildProcess
        var decoder: EngineStreamDecoder
    }

    /// Which child a watched descriptor belongs to: its stdout, or its cancel pipe (see `OwnedOutput`),
    /// and whether that child is its engine's current generation (`current`, kept here too so a
    /// chunk of output costs no lookup by engine name).
    struct Watch {
        var key: ChildKey
        var output: OwnedOutput
        var isCancel: Bool
        var isCurrent: Bool
    }

    let driver: RuntimeDriver
    let loop: DriverLoop
    var coordinator: Coordinator
    /// Live children by generation (see `ChildKey`).
    var children: [ChildKey: Child] = [:]
    /// The generation whose stdout is decoded, per engine, and its process (where requests are written).
    var current: [EngineID: (generation: UInt64, process: ChildProcess)] = [:]
    var nextGeneration: UInt64 = 0
    var shuttingDown = false
    /// The descriptors the loop watches for the children's output.
    var watches: [Int32: Watch] = [:]
    /// Where stdout is read to (one buffer for every child: the driver thread reads one at a time).
    var readBuffer: [UInt8]
    /// Request lines of `.send` actions, written in order at the end of the current item (see
    /// `flushWrites`).
    var pendingWrites: [(process: ChildProcess, line: [UInt8])] = []
    /// What `publishSnapshot` last published (engine states in `coordinator.engineIDs` order).
    var published: (states: [EngineState?], liveProcessCount: Int) = ([], -1)
    /// The coordinator handled an input, or a child came or went, since `publishSnapshot` last looked.
    var snapshotStale = true

    init(driver: RuntimeDriver) {
        self.driver = driver
        self.loop = DriverLoop(inbox: driver.inbox)
        self.readBuffer = [UInt8](repeating: 0, count: driver.configuration.readChunkBytes)
        self.coordinator = Coordinator(configuration: driver.configuration.coordinator)
    }

    mutating func run() {
        while true {
            let (nowMs, item) = loop.next()
            switch item {
            case .stopped:
                return
            case .timer(.core(let timer)):
                process([.timerFired(timer)], nowMs: nowMs)
            case .timer(.shutdownGrace):
                for child in children.values { child.process.signalGroup(.kill) }
            case .event(let event):
                handle(event, nowMs: nowMs)
            case .readable(let fd):
                readOutput(fd, nowMs: nowMs)
            }
            publishSnapshot()
            flushWrites()
            if shuttingDown && children.isEmpty { driver.inbox.stop() }
        }
    }

    private mutating func handle(_ event: DriverEvent, nowMs: UInt64) {
        switch event {
        case .stderrLine(let key, let line):
            guard current[key.engine]?.generation == key.generation else { return }
            driver.configuration.stderrLineHandler?(key.engine, line)
            process([.engineStderr(key.engine, line: line)], nowMs: nowMs)
        case .exited(let key, let status):
            guard var child = children.removeValue(forKey: key) else { return }
            snapshotStale = true
            // Reported only after `OwnedOutput.close()`, which `readOutput` calls at end of file.
            assert(child.process.ownedOutput?.isOpen != true, "exit of \(key) reported before its stdout closed")
            var inputs: [CoordinatorInput] = []
            if current[key.engine]?.generation == key.generation {
                // The exit comes after stdout's end of file, so the decoder has seen every byte.
                inputs += child.decoder.finish().map { [$0] } ?? []
                current[key.engine] = nil
            }
            inputs.append(.processExited(key.engine, pid: child.pid, Self.termination(status)))
            process(inputs, nowMs: nowMs)
        case .client(let command, let reply):
            process([.client(command)], reply: reply, nowMs: nowMs)
        case .shutdown:
            guard !shuttingDown else { return }
            shuttingDown = true
            loop.armTimer(.shutdownGrace, atMs: nowMs + UInt64(driver.configuration.shutdownGraceMs))
            process([.client(.stopAllEngines)], nowMs: nowMs)
        }
    }

    /// Feeds `inputs` one by one, performing each one's actions before the next; inputs that actions
    /// produce (spawn outcomes, dependency answers) are fed after the ones already pending.
    ///
    /// Of one input's actions, those for clients (`.reply`, `.emit`, in their order) come after the
    /// others and after the request lines are written: an engine's request is on its way before a
    /// client is woken, so the woken client does not hold the core the engine needs next.
    mutating func process(
        _ inputs: [CoordinatorInput], reply: (@Sendable (ClientReply) -> Void)? = nil, nowMs: UInt64
    ) {
        var pending = inputs
        var index = 0
        var notifications: [CoordinatorAction] = []
        while index < pending.count {
            let actions = coordinator.handle(pending[index], now: nowMs)
            snapshotStale = true
            index += 1
            // Before the actions, so a client woken by an emitted event sees at least this state.
            publishSnapshot()
            for action in actions {
                switch action {
                case .reply, .emit: notifications.append(action)
                default: pending += perform(action, reply: reply, nowMs: nowMs)
                }
            }
            guard !notifications.isEmpty else { continue }
            flushWrites()
            for action in notifications { _ = perform(action, reply: reply, nowMs: nowMs) }
            notifications.removeAll(keepingCapacity: true)
        }
    }

    static func termination(_ status: ProcessExitStatus) -> TerminationStatus {
        switch status {
        case .exited(let code): .exited(code: code)
        case .signaled(let signal, _): .signaled(signal: signal)
        case .unknown: .exited(code: -1)
        }
    }

    /// Refreshes `RuntimeDriver.snapshot` when an engine state or the live count changed since the
    /// last time (most inputs change neither: the check costs no allocation and no lock, and none at
    /// all when nothing was handled since the last check).
    mutating func publishSnapshot() {
        guard snapshotStale else { return }
        snapshotStale = false
        var changed = published.liveProcessCount != children.count || published.states.count != coordinator.engineIDs.count
        for (index, id) in coordinator.engineIDs.enumerated() where !changed {
            changed = coordinator.engineState(id) != published.states[index]
        }
        guard changed else { return }
        published.states = coordinator.engineIDs.map { coordinator.engineState($0) }
        published.liveProcessCount = children.count
        var engines: [EngineID: EngineState] = [:]
        for (id, state) in zip(coordinator.engineIDs, published.states) {
            engines[id] = state
        }
        let live = children.count
        driver.snapshot.withLock { snapshot in
            snapshot.engines = engines
            snapshot.liveProcessCount = live
        }
    }
}
