import Wire

/// The supervisor of one engine process: a value-type state machine (STYLE rule 3). Each input takes
/// `now` (ms) and appends `SupervisorOutput`s to the caller's buffer; request ids come from the shared allocator and the only
/// randomness (restart jitter) from the caller's seeded generator.
///
/// Lifecycle: Stopped → Starting(checkingDependencies → installingDependencies → spawningProcess →
/// waitingForHealth [→ loading]) → Running → (crash) BackingOff → Starting … or → Failed(diagnostics)
/// when the restart policy gives up; Stopping covers every teardown (`StopSequence`).
package struct EngineSupervisor: Sendable {
    package let configuration: EngineConfiguration
    var phase: Phase = .stopped
    /// Automatic restarts since the last reset (manual start, stable run).
    package internal(set) var restartCount: UInt32 = 0
    /// Start times (ms) of the last `startLimitBurst` starts, oldest first.
    var recentStartsMs: [UInt64] = []
    var stderrTail: [String] = []
    var stderrLinesDropped: UInt64 = 0
    var timeline: [EngineTimelineEntry] = []
    var lastExitStatus: TerminationStatus?
    var consecutiveProtocolErrors: UInt32 = 0
    /// The engine's own limits from its `initialize` result.
    package internal(set) var initializeResult: InitializeResult?

    package init(configuration: EngineConfiguration) {
        self.configuration = configuration
    }

    package var id: EngineID { configuration.id }

    enum Phase: Sendable {
        case stopped
        case failed(EngineDiagnostics)
        case backingOff(restartAtMs: UInt64)
        case starting(Starting)
        case running(Running)
        case stopping(Stopping)
    }

    struct Starting: Sendable {
        var stage: StartupStage
        var pid: ProcessID?
        /// The outstanding `initialize` or `health_check` request.
        var request: RequestID?
        var initialized = false
    }

    struct Running: Sendable {
        var pid: ProcessID
        var readyAtMs: UInt64
        var health = HealthTracker()
    }

    struct Stopping: Sendable {
        var pid: ProcessID?
        var reason: StopReason
        /// -1 while waiting after the `stop` request, then the index of the current `StopStep`;
        /// `steps.count` once SIGKILL was sent.
        var step: Int
        /// When the process became Ready, if it did (for the stable-run reset).
        var readyAtMs: UInt64?
        var stopRequest: RequestID?
    }

    /// Consecutive probe outcomes while Running.
    struct HealthTracker: Sendable {
        var consecutiveFailures: UInt32 = 0
        var consecutiveSuccesses: UInt32 = 0
        var healthy = true
        var loadingSinceMs: UInt64?
        var probe: RequestID?
        /// A client asked for the outstanding probe's outcome (`signal.engine.probed`).
        var probeReported = false
    }

    /// The public snapshot.
    package var state: EngineState {
        switch phase {
        case .stopped: .stopped
        case .failed(let diagnostics): .failed(diagnostics)
        case .backingOff(let at): .backingOff(restartAtMs: at, restartCount: restartCount)
        case .starting(let starting): .starting(starting.stage, pid: starting.pid)
        case .running(let running):
            .running(pid: running.pid, startedAtMs: running.readyAtMs, restartCount: restartCount)
        case .stopping(let stopping): .stopping(pid: stopping.pid, reason: stopping.reason)
        }
    }

    /// Whether new transcriptions may be sent: Running, healthy, and not reloading.
    package var acceptsWork: Bool {
        guard case .running(let running) = phase else { return false }
        return running.health.healthy && running.health.loadingSinceMs == nil
    }

    /// In-flight transcriptions allowed: the configured cap and the engine's `maxConcurrentRequests`.
    package var requestsInFlightMax: Int {
        min(configuration.requestsInFlightMax, max(1, initializeResult?.maxConcurrentRequests ?? 1))
    }

    /// The message size both sides use after the handshake: the minimum of ours and the engine's.
    package var negotiatedMaxMessageBytes: Int? {
        guard let result = initializeResult else { return nil }
        let ours = configuration.initialize.maxMessageBytes
        switch (ours, result.maxMessageBytes) {
        case (let ours?, let theirs?): return min(ours, theirs)
        case (let ours?, nil): return ours
        case (nil, let theirs?): return theirs
        case (nil, nil): return nil
        }
    }

    /// The pid of the live process, if any.
    package var pid: ProcessID? {
        switch phase {
        case .starting(let starting): starting.pid
        case .running(let running): running.pid
        case .stopping(let stopping): stopping.pid
        case .stopped, .failed, .backingOff: nil
        }
    }

    mutating func record(_ phase: EnginePhase, now: UInt64) {
        timeline.append(EngineTimelineEntry(atMs: now, phase: phase))
        if timeline.count > configuration.timelineEntriesMax { timeline.removeFirst() }
    }

    func diagnostics(cause: ExitCause, now: UInt64) -> EngineDiagnostics {
        EngineDiagnostics(
            cause: cause, exitStatus: lastExitStatus, stderrTail: stderrTail,
            stderrLinesDropped: stderrLinesDropped, timeline: timeline, restartCount: restartCount,
            failedAtMs: now)
    }

    /// Keeps the last `stderrLinesMax` lines, each cut to `stderrLineBytesMax` UTF-8 bytes.
    package mutating func stderrLine(_ line: String) {
        var kept = line
        if line.utf8.count > configuration.stderrLineBytesMax {
            kept = String(decoding: line.utf8.prefix(configuration.stderrLineBytesMax), as: UTF8.self)
        }
        stderrTail.append(kept)
        if stderrTail.count > configuration.stderrLinesMax {
            stderrTail.removeFirst()
            stderrLinesDropped += 1
        }
    }
}
