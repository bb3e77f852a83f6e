import Core
import Wire

/// How the runtime driver runs the coordinator on real processes (STYLE rule 10).
package struct RuntimeDriverConfiguration: Sendable {
    package var coordinator: CoordinatorConfiguration
    /// Which of our environment variables engines inherit (the spawn spec's variables are added).
    package var environment: EnvironmentPolicy = .default
    /// Per-engine stderr logs go here as `<engine>.log` (nil: no files, tail and counters only).
    package var logDirectory: String?
    package var logFileBytesMax: UInt64 = 10 * 1024 * 1024
    package var logBackupFilesMax = 5
    package var stderrCapture: StderrCapturePolicy = .default
    package var dependencies: DependencyChecker = .paths
    /// Events waiting for the driver thread beyond which posters wait (client commands, exits) or are
    /// refused (stderr lines are dropped). Engines' stdout is read by the driver thread itself.
    package var inboxCapacity = 4_096
    /// Bytes read from an engine's stdout or stderr at a time.
    package var readChunkBytes = 64 * 1024
    /// After an engine process is reaped, how long its pipes may stay open (a grandchild that left its
    /// process group) before reading stops and the exit is reported anyway.
    package var outputDrainGraceMs = 2_000
    /// After `shutdown`'s stop of every engine, how long before the driver SIGKILLs what is left.
    package var shutdownGraceMs = 15_000
    /// Request→reply times kept in `RuntimeDriver.roundTrips` (0: not measured).
    package var roundTripSamplesMax = 0
    /// Also gets each stderr line of a current engine process, on the driver thread (e.g. for the
    /// CLI's structured logs); it must return quickly.
    package var stderrLineHandler: (@Sendable (EngineID, String) -> Void)?

    package init(coordinator: CoordinatorConfiguration) {
        self.coordinator = coordinator
    }

    /// Longest stdout line accepted from `engine`: what its `initialize` offers, else Wire's default.
    package func maxLineBytes(_ engine: EngineID) -> Int {
        let offer = coordinator.engines.first { $0.id == engine }?.initialize.maxMessageBytes
        return offer ?? LineFramer.maxLineBytesDefault
    }
}
