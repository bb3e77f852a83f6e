/// Everything the coordinator asks a driver to do, in order. The driver performs them after `handle`
/// returns (never while holding the coordinator's lock) and reports outcomes back as inputs.
package enum CoordinatorAction: Hashable, Sendable {
    /// Check these dependencies; answer with `.dependenciesChecked`.
    case checkDependencies(EngineID, [String])
    /// Install these; answer with `.dependenciesInstalled`.
    case installDependencies(EngineID, [String])
    /// Start the process in its own process group (no shell); answer `.processSpawned`/`.spawnFailed`.
    case spawn(EngineID, SpawnSpec)
    /// Write one JSON-RPC line to the engine's stdin (`EngineCodec`).
    case send(EngineID, EngineRequest)
    /// Send a signal, to the whole process group when `processGroup` (always true today).
    case signal(EngineID, pid: ProcessID, ProcessSignal, processGroup: Bool)
    /// Arm (or move) a timer to fire at `atMs`; answer with `.timerFired` when due.
    case armTimer(TimerID, atMs: UInt64)
    case cancelTimer(TimerID)
    /// Deliver to subscribers of `event.job` (nil: coordinator-wide subscribers).
    case emit(Event)
    /// The answer to the `.client` command of this `handle` call.
    case reply(ClientReply)
}

/// The answer to a client command.
package enum ClientReply: Hashable, Sendable {
    case submitted(TaskID, deduplicated: Bool)
    case cancelled(TaskID)
    /// The engines the command applied to (all-engine commands skip engines already in that state).
    case engineCommandAccepted([EngineID])
    /// `probeEngine`: a `health_check` was sent now, or (`alreadyOutstanding`) one was already
    /// awaiting its reply and no second one was sent; the outcome follows as `signal.engine.probed`.
    case probing(EngineID, alreadyOutstanding: Bool)
    case replay(job: TaskID?, [Event])
    case rejected(CoreError)
}
