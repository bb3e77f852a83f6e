import Core
import Foundation
import Runtime
import Testing

extension RealProcessTests {
    @Suite("Benchmarks on real processes")
    struct BenchmarkTests {
        @Test("crash/restart cycles with zero backoff leave no zombie, no descriptor and no task behind")
        func soak() throws {
            let lsref = RuntimeDriverTests.referenceEngine
            try #require(FileManager.default.isExecutableFile(atPath: lsref), "build lsref first")
            var configuration = CrashSoakConfiguration(
                engine: SpawnSpec(executable: lsref, arguments: ["--crash-after", "1", "--step-ms", "0"]),
                audioPath: RuntimeDriverTests.sampleAudio)
            configuration.cycles = 30
            configuration.timeoutMs = Fixture.waitMs * 2
            let report = CrashSoak.run(configuration)
            // Zombie and descriptor counts are process-wide: other suites run real processes in
            // parallel, so here they are only exact in `ci/soak` (alone in its process). The precise
            // per-child checks live in ReapingTests.
            #expect(report.finished, "\(report)")
            #expect(report.tasksLost == 0 && report.tasksDuplicated == 0, "\(report)")
            #expect(report.cycles >= 30)
            // Each task is quarantined after the scheduler's three attempts, each one a crash.
            #expect(report.tasksSubmitted >= 10)
        }

        @Test("the latency benchmark collects driver round trips with lsref and the echo-pair yardstick")
        func roundTrips() throws {
            let lsref = RuntimeDriverTests.referenceEngine
            try #require(FileManager.default.isExecutableFile(atPath: lsref), "build lsref first")
            let report = RoundTripBenchmark.run(
                engine: SpawnSpec(executable: lsref), samples: 200, warmup: 20, timeoutMs: Fixture.waitMs)
            #expect(report.failure == nil, "\(report)")
            #expect(report.samples == 200)
            #expect(report.driverP50Ns > 0 && report.driverP50Ns <= report.driverP99Ns)
            #expect(report.baselineP50Ns > 0 && report.baselineP50Ns <= report.baselineP99Ns)
        }
    }
}

@Suite("Round-trip report")
struct RoundTripReportTests {
    @Test("quantiles use the nearest rank", arguments: [
        (0.5, [UInt64](), UInt64(0)),
        (0.5, [7], 7),
        (0.5, [4, 1, 3, 2], 2),
        (0.99, Array(1...100), 99),
        (0.99, Array(1...1_000), 990),
        (1.0, [5, 9, 1], 9),
    ])
    func quantiles(q: Double, samples: [UInt64], expected: UInt64) {
        #expect(RoundTripReport.quantile(q, of: samples) == expected)
    }
}
