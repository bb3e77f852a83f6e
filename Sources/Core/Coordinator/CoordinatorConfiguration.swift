/// The whole coordinator's configuration (STYLE rule 10).
package struct CoordinatorConfiguration: Hashable, Sendable {
    /// Supervised engines; ids must be unique.
    package var engines: [EngineConfiguration] = []
    package var scheduler = SchedulerConfiguration.default
    /// Events kept per job (and for the coordinator-wide log).
    package var eventHistoryMax = 1_000
    /// Seed of the coordinator's only random generator (restart jitter).
    package var seed: UInt64 = 0

    package init() {}

    package init(engines: [EngineConfiguration]) { self.engines = engines }
}
