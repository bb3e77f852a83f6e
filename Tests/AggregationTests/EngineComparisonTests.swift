import Aggregation
import Testing
import Wire

@Suite("Engine comparison report")
struct EngineComparisonTests {
    let names = ["alpha", "beta", "gamma"]

    @Test("pairwise WER, agreement and the recommendation with a reference")
    func withReference() throws {
        let report = try EngineComparison.compare(
            names: names, transcripts: CombinationFixtures.engines, reference: CombinationFixtures.reference)
        #expect(report.referenceWER == [2.0 / 13.0, 2.0 / 13.0, 2.0 / 13.0])
        // Ties on reference WER go to the first engine.
        #expect(report.recommendation == .init(engine: 0, basis: .lowestReferenceWER, value: 2.0 / 13.0))
        #expect(report.pairwiseWER[0][0] == 0)
        #expect(report.agreement[1][2] == report.agreement[2][1])
        #expect(report.bleu[0][0] == 100.00000000000004)  // sacrebleu says the same for identical text
        // beta's times are 20 ms later than alpha's on every matched word.
        let drift = try #require(report.timingDrift[0][1])
        #expect(abs(drift.meanSeconds - 0.02) < 1e-12)
        #expect(drift.matchedWords == 10)
        // gamma: eleven words at 0.7 and "tank" at 0.4.
        #expect(abs(report.confidence[2].mean! - (11 * 0.7 + 0.4) / 12) < 1e-12)
        #expect(report.confidence[2].minimum == 0.4)
        #expect(report.confidence[2].wordCount == 12)
    }

    @Test("without a reference the engine closest to the others is recommended")
    func consensus() throws {
        var engines = CombinationFixtures.engines
        // An outlier that shares little with the others.
        engines.append(CombinationFixtures.transcript(CombinationFixtures.positioned("a completely different text"), shiftSeconds: 0))
        let report = try EngineComparison.compare(names: names + ["delta"], transcripts: engines)
        #expect(report.recommendation?.basis == .closestToConsensus)
        #expect(report.recommendation?.engine != 3)
        #expect(try EngineComparison.consensusClosest(engines) == report.recommendation?.engine)
    }

    @Test("JSON has every section and the table names the recommendation")
    func rendering() throws {
        let report = try EngineComparison.compare(
            names: names, transcripts: CombinationFixtures.engines, reference: CombinationFixtures.reference)
        #expect(report.json.objectValue?.keys == [
            "engines", "pairwise_wer", "agreement", "bleu", "confidence", "timing_drift", "reference_wer", "recommendation",
        ])
        #expect(report.json["recommendation"]?["engine"] == "alpha")
        #expect(report.table.contains("recommendation: alpha (lowest WER against the reference: 15.38%)"))
        #expect(report.table.hasPrefix("pairwise WER (row = reference, column = hypothesis)\n"))
    }
}
