import Core
import Runtime

#if canImport(Glibc)
import Glibc
#endif

/// The `health_check` round trip: the protocol's smallest request→reply, with no audio to read.
/// Beside the transcribe paths it separates what the round trip itself costs from lsref's work on a file.
extension RuntimeLatencyBench {
    /// Startup round trips the driver logs before the probes measured (`initialize`, first probes).
    static let healthStartupSamples = 8

    /// The driver's probe interval in the health_check path. The core arms the next probe when it
    /// sends one, at a whole millisecond, so the engine idles 1–2 ms (1.5 on average) between
    /// probes; 1 ms would sometimes fire the next probe before the reply (the old one then counts
    /// as failed), and 0 would always do so: the core has no back-to-back probing.
    static let healthProbeIntervalMs: UInt64 = 2
    /// The idle before each `health_check` of lsref alone in its "after idle" path: the driver's
    /// mean idle between probes, so both sides pay the same wake-ups from sleep.
    static let healthIdleMicroseconds: UInt32 = 1_500

    /// `count` coordinator↔lsref `health_check` round trips as the driver measures them (send →
    /// decoded): a fresh driver probing its engine every `healthProbeIntervalMs`, shut down
    /// afterwards, so it loads the machine only during its own turn in the round. Also returns how
    /// many probes the core counted failed (`signal.engine.unhealthy`: under load, a reply read
    /// only after the next probe was due).
    static func healthRoundTrips(
        _ settings: Settings, count: Int
    ) throws -> (samples: [Double], failedProbes: Int, cpu: CPUUse) {
        var configuration = RuntimeBenchFixture.configuration(
            lsref: settings.lsref, arguments: [], restart: RestartPolicy.seedDefault)
        configuration.coordinator.engines[0].health.probeIntervalMs = healthProbeIntervalMs
        configuration.roundTripSamplesMax = healthStartupSamples + count
        return try withReadyDriver(configuration, lsref: settings.lsref) { driver, probe in
            let threadID = probe.driverThread.withLock { $0 }
            let start = CPUReading.now(driverThread: threadID, engine: enginePID(driver))
            let samples = driver.roundTrips.waitForSamples(healthStartupSamples + count, timeoutMs: 60_000)
            var cpu = CPUUse()
            let end = CPUReading.now(driverThread: threadID, engine: enginePID(driver))
            cpu.add(from: start, to: end, roundTrips: samples.count)
            cpu.clientNs = 0  // the waiting thread only looks every 5 ms: not a party to the round trip
            guard samples.count == healthStartupSamples + count else {
                throw EchoError(description: "only \(samples.count) health round trips within 60 s")
            }
            let failed = probe.unhealthyEvents.withLock { $0 }
            return (samples.dropFirst(healthStartupSamples).map { Double($0) / 1_000 }, failed, cpu)
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

    /// A `health_check` after `RuntimeLatencyBench.healthIdleMicroseconds` with nothing to do on
    /// either side, as the driver's periodic probes come: both processes have gone to sleep.
    func healthRoundTripAfterIdle() throws -> Duration {
        usleep(RuntimeLatencyBench.healthIdleMicroseconds)
        return try healthRoundTrip()
    }
}
