import Core
import Runtime

/// The `health_check` round trip: the protocol's smallest request→reply, with no audio to read.
/// Beside the transcribe paths it separates what the round trip itself costs from lsref's work on a file.
extension RuntimeLatencyBench {
    /// Startup round trips the driver logs before the probes measured (`initialize`, first probes).
    static let healthStartupSamples = 8

    /// `count` coordinator↔lsref `health_check` round trips as the driver measures them (send →
    /// decoded): a fresh driver whose engine is probed every millisecond, shut down afterwards, so
    /// it loads the machine only during its own turn in the round.
    static func healthRoundTrips(_ settings: Settings, count: Int) throws -> [Double] {
        var configuration = RuntimeBenchFixture.configuration(
            lsref: settings.lsref, arguments: [], restart: RestartPolicy.seedDefault)
        configuration.coordinator.engines[0].health.probeIntervalMs = 1
        configuration.roundTripSamplesMax = healthStartupSamples + count
        return try withReadyDriver(configuration, lsref: settings.lsref) { driver, _ in
            let samples = driver.roundTrips.waitForSamples(healthStartupSamples + count, timeoutMs: 60_000)
            guard samples.count == healthStartupSamples + count else {
                throw EchoError(description: "only \(samples.count) health round trips within 60 s")
            }
            return samples.dropFirst(healthStartupSamples).map { Double($0) / 1_000 }
        }
    }
}

extension RuntimeLatencyBench {
    /// Runs `body` with a started driver whose engine is ready, then shuts the driver down.
    static func withReadyDriver<T>(
        _ configuration: RuntimeDriverConfiguration, lsref: String, _ body: (RuntimeDriver, Probe) throws -> T
    ) throws -> T {
        let probe = Probe()
        let driver = RuntimeDriver(configuration: configuration, eventHandler: probe.handler)
        driver.start()
        defer {
            driver.requestShutdown()
            _ = driver.waitUntilFinished(timeoutMs: 15_000)
        }
        guard driver.send(.startAllEngines, timeoutMs: 10_000) != nil, probe.waitUntilReady(timeoutMs: 30_000) else {
            throw EchoError(description: "lsref did not become ready (\(lsref))")
        }
        return try body(driver, probe)
    }
}

extension RuntimeLatencyBench.RawEngine {
    /// One `health_check`, timed from the first byte written to the response decoded.
    func healthRoundTrip() throws -> Duration {
        let clock = ContinuousClock()
        let start = clock.now
        guard case .success = try exchange({ .healthCheck(id: $0) }) else {
            throw RuntimeLatencyBench.EchoError(description: "lsref failed a health_check")
        }
        return clock.now - start
    }
}
