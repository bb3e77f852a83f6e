import Core

/// Request→reply round trips between the real driver and an engine (its health probes, sent back to
/// back), beside the echo-pair yardstick measured in the same run.
package enum RoundTripBenchmark {
    package static func run(engine: SpawnSpec, samples: Int, warmup: Int = 100, timeoutMs: Int = 120_000) -> RoundTripReport {
        var report = RoundTripReport()
        var configuration = EngineConfiguration(id: "latency", spawn: engine)
        configuration.health.probeIntervalMs = 1
        var driverConfiguration = RuntimeDriverConfiguration(coordinator: CoordinatorConfiguration(engines: [configuration]))
        driverConfiguration.roundTripSamplesMax = samples + warmup
        let driver = RuntimeDriver(configuration: driverConfiguration)
        driver.start()
        _ = driver.send(.startAllEngines, timeoutMs: timeoutMs)
        let measured = Array(driver.roundTrips.waitForSamples(samples + warmup, timeoutMs: timeoutMs).dropFirst(warmup))
        driver.requestShutdown()
        _ = driver.waitUntilFinished(timeoutMs: timeoutMs)
        report.samples = measured.count
        report.driverP50Ns = RoundTripReport.quantile(0.5, of: measured)
        report.driverP99Ns = RoundTripReport.quantile(0.99, of: measured)
        if measured.count < samples { report.failure = "only \(measured.count) of \(samples) replies" }
        let lineBytes = EngineCodec.encodedLine(.healthCheck(id: RequestID(1))).count
        switch EchoPairBaseline.measure(samples: samples + warmup, lineBytes: lineBytes) {
        case .success(let times):
            let baseline = Array(times.dropFirst(warmup))
            report.baselineP50Ns = RoundTripReport.quantile(0.5, of: baseline)
            report.baselineP99Ns = RoundTripReport.quantile(0.99, of: baseline)
        case .failure(let failure):
            report.failure = "echo pair: \(failure.message)"
        }
        return report
    }
}
