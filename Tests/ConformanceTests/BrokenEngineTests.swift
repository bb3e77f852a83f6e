import Conformance
import Testing

@Suite("lsconform judges real engine processes", .serialized)
struct BrokenEngineTests {
    @Test("the correct base engine passes every case with no warning")
    func baseEnginePassesEverything() {
        let report = ConformanceRunner.run(EngineFixtures.configuration(script: "base_engine.py"))
        #expect(report.exitCode == 0, "\(EngineFixtures.describe(report))")
        #expect(report.failingCaseIDs == [])
        #expect(report.count(.warn) == 0)
        #expect(report.results.count == CaseCatalog.all.count)
        EngineFixtures.removeLogs(report)
    }

    @Test("each broken engine fails exactly the cases of its one flaw, with exit code 1", arguments: BrokenEngine.all)
    func brokenEngineFailsExactly(_ engine: BrokenEngine) {
        let patterns = EngineFixtures.fullSweep ? [] : engine.patterns
        let report = ConformanceRunner.run(EngineFixtures.configuration(script: engine.script, patterns: patterns))
        #expect(report.exitCode == 1, "\(EngineFixtures.describe(report))")
        #expect(report.failingCaseIDs == engine.failing, "\(EngineFixtures.describe(report))")
        #expect(report.count(.warn) == 0, "\(EngineFixtures.describe(report))")
        if report.failingCaseIDs == engine.failing { EngineFixtures.removeLogs(report) }
    }
}
