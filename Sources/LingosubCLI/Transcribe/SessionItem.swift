import Core

/// What the driver thread hands the command's thread.
enum SessionItem: Sendable {
    case event(Event)
    /// A stderr line of an engine's current process (only when logs are structured).
    case stderrLine(EngineID, String)
}
