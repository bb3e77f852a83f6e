import Aggregation
import Testing
import Wire

@Suite("ROVER combination")
struct ROVERTests {
    static func wer(_ transcript: Transcript) throws -> Double {
        try ErrorRate.words(reference: CombinationFixtures.reference, hypothesis: transcript.text).errorRate
    }

    @Test("three transcripts with complementary errors merge below the best single WER", arguments: [
        VotingScheme.frequency, .averageConfidence, .maximumConfidence,
    ])
    func complementaryErrors(scheme: VotingScheme) throws {
        let engines = CombinationFixtures.engines
        let singles = try engines.map(Self.wer)
        #expect(singles == [2.0 / 13.0, 2.0 / 13.0, 2.0 / 13.0])
        let merged = try ROVER.combine(engines, scheme: scheme)
        #expect(merged.text == CombinationFixtures.reference)
        #expect(try Self.wer(merged) == 0)
        #expect(try Self.wer(merged) < singles.min()!)
    }

    @Test("merged words carry mean times of their voters and the scheme's confidence")
    func timesAndConfidence() throws {
        let merged = try ROVER.combine(CombinationFixtures.engines, scheme: .frequency)
        let words = merged.words
        // "the" at position 0: starts 0.00, 0.02, -0.01 → mean 0.003333…; all three voted.
        #expect(words[0].text == "the")
        #expect(words[0].startSeconds == (0.0 + 0.02 + -0.01) / 3)
        #expect(words[0].confidence == 1)
        // "quick": engine A said "quack", so two of three voted.
        #expect(words[1].confidence == 2.0 / 3.0)
        #expect(merged.segments.count == 1)
        let average = try ROVER.combine(CombinationFixtures.engines, scheme: .averageConfidence)
        #expect(average.words[1].confidence == (0.8 + 0.7) / 2)
        let maximum = try ROVER.combine(CombinationFixtures.engines, scheme: .maximumConfidence)
        #expect(maximum.words[1].confidence == 0.8)
    }

    @Test("mean times stay finite for times near the largest Double (the plain sum overflowed to infinity, written as null)")
    func hugeTimes() throws {
        let word = Word(text: "far", startSeconds: 1e308, endSeconds: 1.5e308)
        let transcript = Transcript(language: "en", durationSeconds: 1, segments: [
            Segment(id: 0, startSeconds: 1e308, endSeconds: 1.5e308, text: "far", words: [word]),
        ])
        let merged = try ROVER.combine([transcript, transcript])
        #expect(merged.words.map(\.startSeconds) == [1e308])
        #expect(merged.words.map(\.endSeconds) == [1.5e308])
        #expect(try Transcript(json: merged.json) == merged)
    }

    static func single(_ text: String, confidence: Double) -> Transcript {
        CombinationFixtures.transcript([(text, 0)], shiftSeconds: 0, confidence: confidence)
    }

    @Test("confidence voting overrides the first system where frequency ties")
    func confidenceDecides() throws {
        let engines = [Self.single("hat", confidence: 0.3), Self.single("cat", confidence: 0.9)]
        // Frequency: one vote each; the tie goes to the first system.
        #expect(try ROVER.combine(engines, scheme: .frequency).text == "hat")
        // Average: 0.2·½ + 0.8·0.9 = 0.82 against 0.1 + 0.24 = 0.34.
        #expect(try ROVER.combine(engines, scheme: .averageConfidence).text == "cat")
        // Maximum: 0.7·½ + 0.3·0.9 = 0.62 against 0.35 + 0.09 = 0.44.
        #expect(try ROVER.combine(engines, scheme: .maximumConfidence).text == "cat")
    }

    @Test("a word only one of three systems heard loses to the null arc")
    func nullWins() throws {
        let heard = CombinationFixtures.transcript([("yes", 0), ("um", 1), ("ok", 2)], shiftSeconds: 0, confidence: 0.6)
        let others = CombinationFixtures.transcript([("yes", 0), ("ok", 2)], shiftSeconds: 0, confidence: 0.6)
        // avgconf: "um" 0.2·⅓ + 0.8·0.6 = 0.547 < null 0.2·⅔ + 0.8·0.8 = 0.773;
        // maxconf: "um" 0.7·⅓ + 0.3·0.6 = 0.413 < null 0.7·⅔ + 0.3·0.6 = 0.647.
        for scheme in [VotingScheme.frequency, .averageConfidence, .maximumConfidence] {
            #expect(try ROVER.combine([heard, others, others], scheme: scheme).text == "yes ok")
        }
        // A confident lone word survives average-confidence voting (0.2·⅓ + 0.8·1 = 0.867 > 0.773).
        let sure = CombinationFixtures.transcript([("yes", 0), ("um", 1), ("ok", 2)], shiftSeconds: 0, confidence: 1)
        #expect(try ROVER.combine([sure, others, others], scheme: .averageConfidence).text == "yes um ok")
    }

    @Test("no transcripts is an error; one transcript comes back unchanged in words")
    func edges() throws {
        #expect(throws: AggregationError.self) { try ROVER.combine([]) }
        let only = CombinationFixtures.engines[0]
        #expect(try ROVER.combine([only]).text == only.text)
    }
}
