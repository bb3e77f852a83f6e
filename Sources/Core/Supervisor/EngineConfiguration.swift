import Wire

/// Everything about one engine the coordinator supervises.
package struct EngineConfiguration: Hashable, Sendable {
    package var id: EngineID
    package var spawn: SpawnSpec
    /// Checked by the driver before spawning (e.g. model files, Python packages); empty skips the
    /// dependency stages.
    package var dependencies: [String] = []
    /// Ask the driver to install missing dependencies; otherwise missing ones fail the start.
    package var installsMissingDependencies = true
    package var startup = StartupPolicy.default
    package var health = HealthPolicy.default
    package var restart = RestartPolicy.seedDefault
    package var stop = StopSequence.seedDefault
    package var initialize = InitializeParameters.default
    /// In-flight transcriptions at most (also capped by the engine's `maxConcurrentRequests`).
    package var requestsInFlightMax = 1
    /// Sum of running tasks' declared costs allowed on this engine; nil: unlimited.
    package var costCapacity: UInt32?
    /// stderr lines kept for diagnostics, and the bytes kept of each line.
    package var stderrLinesMax = 20
    package var stderrLineBytesMax = 512
    /// Stage/state transitions kept for diagnostics.
    package var timelineEntriesMax = 64

    package init(id: EngineID, spawn: SpawnSpec) {
        self.id = id
        self.spawn = spawn
    }
}
