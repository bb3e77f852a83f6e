import Core

extension DriverSession {
    /// Performs one action; returns the inputs that answer it (if any).
    mutating func perform(
        _ action: CoordinatorAction, reply: (@Sendable (ClientReply) -> Void)?, nowMs: UInt64
    ) -> [CoordinatorInput] {
        switch action {
        case .checkDependencies(let engine, let dependencies):
            return [.dependenciesChecked(engine, missing: driver.configuration.dependencies.missing(dependencies))]
        case .installDependencies(let engine, let dependencies):
            return [.dependenciesInstalled(engine, failure: driver.configuration.dependencies.install(dependencies))]
        case .spawn(let engine, let spec):
            return [spawn(engine, spec)]
        case .send(let engine, let request):
            send(request, to: engine)
            return []
        case .signal(let engine, let pid, let signal, _):
            flushWrites()  // what was sent before a signal reaches the engine before it
            // Always the whole group: every child leads its own.
            for (key, child) in children where key.engine == engine && child.pid == pid {
                child.process.signalGroup(GroupSignal(rawValue: signal.number))
            }
            return []
        case .armTimer(let timer, let atMs):
            loop.armTimer(.core(timer), atMs: atMs)
            return []
        case .cancelTimer(let timer):
            loop.cancelTimer(.core(timer))
            return []
        case .emit(let event):
            driver.eventHandler(event)
            return []
        case .reply(let answer):
            reply?(answer)
            return []
        }
    }

    private mutating func spawn(_ engine: EngineID, _ spec: SpawnSpec) -> CoordinatorInput {
        guard !shuttingDown else { return .spawnFailed(engine, reason: "the driver is shutting down") }
        nextGeneration += 1
        let key = ChildKey(engine: engine, generation: nextGeneration)
        do {
            let process = try ChildProcess.spawn(processConfiguration(engine, spec), handlers: handlers(for: key))
            let pid = ProcessID(process.pid)
            let decoder = EngineStreamDecoder(engine: engine, maxLineBytes: driver.configuration.maxLineBytes(engine))
            children[key] = Child(pid: pid, process: process, decoder: decoder)
            snapshotStale = true
            if let output = process.ownedOutput { watchOutput(of: key, output) }
            makeCurrent(key, process)
            return .processSpawned(engine, pid: pid)
        } catch {
            return .spawnFailed(engine, reason: error.description)
        }
    }

    private func processConfiguration(_ engine: EngineID, _ spec: SpawnSpec) -> ProcessConfiguration {
        let settings = driver.configuration
        var process = ProcessConfiguration(command: [spec.executable] + spec.arguments)
        process.environment = settings.environment
        for variable in spec.environment {
            process.environment.variables[variable.name] = variable.value
        }
        process.workingDirectory = spec.workingDirectory
        process.standardOutputReader = .owner
        process.readChunkBytes = settings.readChunkBytes
        process.outputDrainGraceMs = settings.outputDrainGraceMs
        process.stderrCapture = settings.stderrCapture
        if let directory = settings.logDirectory {
            var log = LogRotationPolicy(directory: directory, baseName: engine.description)
            log.fileBytesMax = settings.logFileBytesMax
            log.backupFilesMax = settings.logBackupFilesMax
            process.stderrCapture.log = log
        }
        return process
    }

    private func handlers(for key: ChildKey) -> ChildProcess.Handlers {
        let inbox = driver.inbox
        var handlers = ChildProcess.Handlers()
        // Lossy on purpose: a chatty stderr must never stall the driver; the log and tail keep all.
        handlers.standardErrorLine = { line in _ = inbox.tryPost(.stderrLine(key, line)) }
        handlers.exit = { status in _ = inbox.post(.exited(key, status)) }
        return handlers
    }

    private mutating func send(_ request: EngineRequest, to engine: EngineID) {
        // The current child's process is kept with its generation: no copy of the child per request.
        guard let process = current[engine]?.process else { return }
        if let id = request.id { driver.roundTrips.sent(id) }
        pendingWrites.append((process, EngineCodec.encodedLine(request)))
    }

    /// Writes the pending request lines (inline on the non-blocking pipes; `StdinWriter` queues what
    /// does not fit). Done last before the loop may block, so the engine woken by the write gets the
    /// core this thread is about to give up instead of waiting for the rest of the item's work.
    mutating func flushWrites() {
        guard !pendingWrites.isEmpty else { return }
        for pending in pendingWrites {
            // A refused write (closed pipe, full queue) is not reported: the exit or the core's own
            // request timeout follows.
            _ = pending.process.write(pending.line)
        }
        pendingWrites.removeAll(keepingCapacity: true)
    }
}
