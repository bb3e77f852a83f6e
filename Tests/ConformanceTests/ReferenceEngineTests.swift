import Conformance
import Foundation
import Testing

/// lsref (the reference engine) in its normal modes, through the runner as a library.
@Suite("lsref passes lsconform in its normal modes", .serialized)
struct ReferenceEngineTests {
    /// Known lsref deviations from the SPEC, as a baseline: when one is fixed its entry turns STALE and
    /// this test fails until the entry is removed. None today.
    static let knownDeviations: Set<String> = []

    static let modes: [[String]] = [
        [],
        ["--max-concurrent", "1", "--latency-ms", "100"],
        ["--max-concurrent", "3", "--loading-ms", "300", "--startup-delay-ms", "200"],
    ]

    @Test("every MUST passes (known deviations aside) and no SHOULD warns", arguments: modes)
    func lsrefPasses(_ flags: [String]) throws {
        let lsref = EngineFixtures.productsDirectory + "/lsref"
        try #require(FileManager.default.isExecutableFile(atPath: lsref), "build lsref first (swift build)")
        var configuration = RunConfiguration(command: EngineCommand(arguments: [lsref] + flags))
        configuration.jobs = 8
        configuration.timingSlackMs = 250
        configuration.baseline = Self.knownDeviations
        let report = ConformanceRunner.run(configuration)
        #expect(report.exitCode == 0, "\(EngineFixtures.describe(report))")
        #expect(report.failingCaseIDs == [], "\(EngineFixtures.describe(report))")
        #expect(report.count(.warn) == 0, "\(EngineFixtures.describe(report))")
        #expect(Set(report.results.filter { $0.verdict == .expectedFailure }.map(\.id)) == Self.knownDeviations)
        if report.exitCode == 0 { EngineFixtures.removeLogs(report) }
    }
}
