import Core

/// Which spawn of which engine an event comes from. The generation is fixed before the spawn (the
/// pid is not known yet when the handlers are made); the driver maps it to the pid.
package struct ChildKey: Hashable, Sendable {
    package var engine: EngineID
    package var generation: UInt64

    package init(engine: EngineID, generation: UInt64) {
        self.engine = engine
        self.generation = generation
    }

    /// The generation alone: it is unique per driver, so the engine's name (a string) is not hashed
    /// on the lookups the driver makes per chunk of output (keys still compare both).
    package func hash(into hasher: inout Hasher) {
        hasher.combine(generation)
    }
}

/// What reaches the driver thread from other threads (engines' stdout does not: the driver thread
/// reads it itself, see `DriverLoop`).
package enum DriverEvent: Sendable {
    case stderrLine(ChildKey, String)
    case exited(ChildKey, ProcessExitStatus)
    case client(ClientCommand, reply: @Sendable (ClientReply) -> Void)
    /// Stop every engine, then end the driver thread.
    case shutdown
}

/// The driver loop's timers: the core's, and the driver's own shutdown bound.
package enum DriverTimer: Hashable, Sendable {
    case core(TimerID)
    case shutdownGrace
}
