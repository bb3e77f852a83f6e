/// Everything a driver (simulator or runtime) tells the coordinator. Each is handled by
/// `Coordinator.handle(_:now:)` with the driver's current time in ms.
package enum CoordinatorInput: Hashable, Sendable {
    /// A timer the coordinator armed is due. Firings of ids no longer armed are ignored.
    case timerFired(TimerID)
    /// Fire every armed timer with `atMs <= now`, in (due time, arming order) — for drivers that do not
    /// keep their own timer queue.
    case tick
    /// Answer to `.checkDependencies`: the dependencies still missing (empty: all present).
    case dependenciesChecked(EngineID, missing: [String])
    /// Answer to `.installDependencies`: nil on success, else why it failed.
    case dependenciesInstalled(EngineID, failure: String?)
    /// Answer to `.spawn`: the child's pid (it leads its own process group).
    case processSpawned(EngineID, pid: ProcessID)
    case spawnFailed(EngineID, reason: String)
    /// The child was reaped. The driver reports every spawned pid's exit exactly once.
    case processExited(EngineID, pid: ProcessID, TerminationStatus)
    /// One decoded stdout line (`EngineCodec`).
    case engineMessage(EngineID, EngineMessage)
    /// One stderr line (kept for diagnostics, never parsed).
    case engineStderr(EngineID, line: String)
    /// A stdout line that could not be decoded (oversized, invalid UTF-8/JSON, not our protocol):
    /// a JSON-RPC-style code (-32700, -32600, -32001) and a detail.
    case engineProtocolError(EngineID, code: Int, detail: String)
    case client(ClientCommand)
}

/// What a client (CLI, API user, simulated client) asks for. Answered by one `.reply` action in the
/// same `handle` call.
package enum ClientCommand: Hashable, Sendable {
    case submit(TaskSpec)
    /// Cancel in any unfinished state.
    case cancel(TaskID)
    /// From Stopped or Failed (a manual start resets the restart count).
    case startEngine(EngineID)
    case stopEngine(EngineID)
    /// Tear down and start again at once, restart count reset; the way out of Failed.
    case restartEngine(EngineID)
    /// Probe a Running engine now: a `health_check` unless one is outstanding (reply `.probing`), its
    /// timeout armed and the periodic probe interval restarted from now; when that probe's reply or
    /// timeout is counted, `signal.engine.probed` (coordinator-wide) carries the outcome. Not Running:
    /// `engine_state_conflict`; an engine that leaves Running first reports no outcome (its own
    /// `signal.engine.*` events say why).
    case probeEngine(EngineID)
    case startAllEngines
    case stopAllEngines
    /// Events of a job (nil: coordinator-wide) after an event id (nil: all retained): exactly the missed
    /// ones in order, or `history.truncated` first when some were evicted.
    case replay(job: TaskID?, after: EventID?)
}
