import Core

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
    /// Events waiting for the driver thread beyond which stdout readers wait (stderr lines are dropped).
    package var inboxCapacity = 4_096
    /// Longest stdout line accepted from an engine (the `initialize` offer, else 8 MiB).
    package var maxLineBytes: Int { coordinatorMaxLineBytes ?? 8_388_608 }
    /// After `shutdown`'s stop of every engine, how long before the driver SIGKILLs what is left.
    package var shutdownGraceMs = 15_000
    /// Also gets each stderr line of a current engine process, on the driver thread (e.g. for the
    /// CLI's structured logs); it must return quickly.
    package var stderrLineHandler: (@Sendable (EngineID, String) -> Void)?

    package init(coordinator: CoordinatorConfiguration) {
        self.coordinator = coordinator
    }

    private var coordinatorMaxLineBytes: Int? {
        coordinator.engines.compactMap(\.initialize.maxMessageBytes).max()
    }
}
