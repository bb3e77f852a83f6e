import Core
import Foundation
import Runtime
import Testing

extension RealProcessTests {
    @Suite("Crash soak")
    struct CrashSoakTests {
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
            #expect(report.passed, "\(report)")
            #expect(report.cycles >= 30)
            // Each task is quarantined after the scheduler's three attempts, each one a crash.
            #expect(report.tasksSubmitted >= 10)
        }
    }
}
