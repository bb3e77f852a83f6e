import Wire

/// Startup stages: dependencies, spawn, `initialize` handshake, first health.
extension EngineSupervisor {
    mutating func beginStart(now: UInt64, into outputs: inout [SupervisorOutput]) {
        recentStartsMs.append(now)
        let kept = Int(configuration.restart.startLimitBurst ?? 1)
        if recentStartsMs.count > kept { recentStartsMs.removeFirst(recentStartsMs.count - kept) }
        consecutiveProtocolErrors = 0
        initializeResult = nil
        if configuration.dependencies.isEmpty {
            enterStage(.spawningProcess, pid: nil, now: now, into: &outputs)
            outputs.append(.spawn(configuration.spawn))
            return
        }
        enterStage(.checkingDependencies, pid: nil, now: now, into: &outputs)
        outputs.append(.checkDependencies(configuration.dependencies))
    }

    /// Moves to `stage`, arming its timeout and emitting its progress event.
    mutating func enterStage(_ stage: StartupStage, pid: ProcessID?, now: UInt64, into outputs: inout [SupervisorOutput]) {
        phase = .starting(Starting(stage: stage, pid: pid))
        record(.starting(stage), now: now)
        let deadline = now.saturatingAdd(configuration.startup.timeoutMs(stage, health: configuration.health))
        outputs.append(.event(.stage(stage)))
        outputs.append(.armTimer(.stage, atMs: deadline))
    }

    /// The driver's answer to `checkDependencies`: the names still missing (empty: all present).
    package mutating func dependenciesChecked(
        missing: [String], now: UInt64, generator: inout SeededGenerator, into outputs: inout [SupervisorOutput]
    ) {
        guard case .starting(let starting) = phase, starting.stage == .checkingDependencies else { return }
        if missing.isEmpty {
            enterStage(.spawningProcess, pid: nil, now: now, into: &outputs)
            outputs.append(.spawn(configuration.spawn))
            return
        }
        guard configuration.installsMissingDependencies else {
            let cause = ExitCause.dependencyFailure(reason: "missing: " + missing.joined(separator: ", "))
            outputs.append(.cancelTimer(.stage))
            return afterExit(cause: cause, status: nil, readyAtMs: nil, now: now, generator: &generator, into: &outputs)
        }
        enterStage(.installingDependencies, pid: nil, now: now, into: &outputs)
        outputs.append(.installDependencies(missing))
    }

    /// The driver's answer to `installDependencies`: nil on success, else why it failed.
    package mutating func dependenciesInstalled(
        failure: String?, now: UInt64, generator: inout SeededGenerator, into outputs: inout [SupervisorOutput]
    ) {
        guard case .starting(let starting) = phase, starting.stage == .installingDependencies else { return }
        if let failure {
            let cause = ExitCause.dependencyFailure(reason: failure)
            outputs.append(.cancelTimer(.stage))
            return afterExit(cause: cause, status: nil, readyAtMs: nil, now: now, generator: &generator, into: &outputs)
        }
        enterStage(.spawningProcess, pid: nil, now: now, into: &outputs)
        outputs.append(.spawn(configuration.spawn))
    }

    /// The driver spawned the process: send `initialize`. A spawn nobody waits for is killed at once.
    package mutating func processSpawned(
        pid: ProcessID, now: UInt64, requestIDs: inout RequestIDAllocator, into outputs: inout [SupervisorOutput]
    ) {
        guard case .starting(let starting) = phase, starting.stage == .spawningProcess, starting.pid == nil
        else { return outputs.append(.signal(pid, .kill)) }
        enterStage(.waitingForHealth, pid: pid, now: now, into: &outputs)
        let request = requestIDs.allocate()
        phase = .starting(Starting(stage: .waitingForHealth, pid: pid, request: request))
        outputs.append(.send(.initialize(id: request, configuration.initialize)))
    }

    package mutating func spawnFailed(
        reason: String, now: UInt64, generator: inout SeededGenerator, into outputs: inout [SupervisorOutput]
    ) {
        guard case .starting(let starting) = phase, starting.stage == .spawningProcess, starting.pid == nil
        else { return }
        let cause = ExitCause.spawnFailure(reason: reason)
        outputs.append(.cancelTimer(.stage))
        afterExit(cause: cause, status: nil, readyAtMs: nil, now: now, generator: &generator, into: &outputs)
    }

    /// A reply to the startup `initialize` or `health_check`.
    mutating func startupReply(
        _ starting: Starting, reply: EngineReply, now: UInt64, requestIDs: inout RequestIDAllocator,
        into outputs: inout [SupervisorOutput]
    ) {
        guard let pid = starting.pid else { return }
        if !starting.initialized {
            guard case .success(let json) = reply, let result = EngineCodec.initializeResult(from: json) else {
                var code: Int?
                if case .failure(let error) = reply { code = error.code }
                return teardown(pid: pid, reason: .forced(.handshakeFailure(engineCode: code)), now: now, into: &outputs)
            }
            initializeResult = result
            return sendStartupProbe(starting, initialized: true, requestIDs: &requestIDs, into: &outputs)
        }
        var next = starting
        next.request = nil
        phase = .starting(next)
        switch Self.healthOutcome(reply) {
        case .ok, .degraded:
            enterRunning(pid: pid, now: now, into: &outputs)
        case .loading where starting.stage == .waitingForHealth:
            enterStage(.loading, pid: pid, now: now, into: &outputs)
            phase = .starting(Starting(stage: .loading, pid: pid, request: nil, initialized: true))
            outputs.append(.armTimer(.probe, atMs: now.saturatingAdd(configuration.health.loadingProbeIntervalMs)))
        case .loading, .error:
            outputs.append(.armTimer(.probe, atMs: now.saturatingAdd(configuration.health.loadingProbeIntervalMs)))
        }
    }

    mutating func sendStartupProbe(
        _ starting: Starting, initialized: Bool, requestIDs: inout RequestIDAllocator,
        into outputs: inout [SupervisorOutput]
    ) {
        let request = requestIDs.allocate()
        var next = starting
        next.request = request
        next.initialized = initialized
        phase = .starting(next)
        outputs.append(.send(.healthCheck(id: request)))
    }

    mutating func enterRunning(pid: ProcessID, now: UInt64, into outputs: inout [SupervisorOutput]) {
        phase = .running(Running(pid: pid, readyAtMs: now))
        record(.running, now: now)
        outputs.append(.cancelTimer(.stage))
        outputs.append(.event(.ready(pid: pid, requestsInFlightMax: requestsInFlightMax)))
        outputs.append(.armTimer(.probe, atMs: now.saturatingAdd(configuration.health.probeIntervalMs)))
        armHeartbeat(now: now, into: &outputs)
    }

    /// Re-arms the heartbeat deadline while Running, when heartbeats were requested.
    func armHeartbeat(now: UInt64, into outputs: inout [SupervisorOutput]) {
        let interval = UInt64(configuration.initialize.heartbeatIntervalMs)
        guard interval > 0, case .running = phase else { return }
        outputs.append(.armTimer(.heartbeat, atMs: now.saturatingAdd(configuration.health.heartbeatDeadlineMs(interval: interval))))
    }

    /// ok/degraded/loading/error from a health reply; an error reply or unreadable result is `.error`.
    static func healthOutcome(_ reply: EngineReply) -> HealthStatus {
        guard case .success(let json) = reply else { return .error }
        return EngineCodec.healthStatus(from: json) ?? .error
    }
}
