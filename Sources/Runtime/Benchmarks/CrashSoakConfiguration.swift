import Core

/// A crash/restart soak: an engine that dies on every transcription (e.g. `lsref --crash-after 1
/// --step-ms 0`), restarted with zero backoff, while tasks keep arriving.
package struct CrashSoakConfiguration: Sendable {
    package var engine: SpawnSpec
    /// An audio file the engine accepts (it must get as far as crashing, not reject the request).
    package var audioPath: String
    /// Crashes to observe before stopping.
    package var cycles = 1_000
    /// Unfinished tasks kept submitted while crashes are counted.
    package var tasksInFlight = 2
    /// Bound on the whole run, draining included.
    package var timeoutMs = 600_000

    package init(engine: SpawnSpec, audioPath: String) {
        self.engine = engine
        self.audioPath = audioPath
    }
}
