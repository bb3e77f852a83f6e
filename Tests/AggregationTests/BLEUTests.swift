import Aggregation
import Testing

struct SacreBLEUCase: Sendable, CustomStringConvertible {
    var hypothesis: String
    var reference: String
    var score: Double
    var precisions: [Double]
    var brevityPenalty: Double
    var lengths: (hypothesis: Int, reference: Int)
    var description: String { hypothesis }
}

/// Figures from sacrebleu 2.6.0 `sentence_bleu(h, [r])` and `corpus_bleu(hs, [rs])`.
@Suite("BLEU matches sacreBLEU's defaults")
struct BLEUTests {
    static let cases: [SacreBLEUCase] = [
        SacreBLEUCase(
            hypothesis: "The cat sat on the mat.", reference: "The cat is on the mat.", score: 48.892302243490086,
            precisions: [85.71428571428571, 66.66666666666667, 40.0, 25.0], brevityPenalty: 1.0, lengths: (7, 7)),
        SacreBLEUCase(
            hypothesis: "Hello, world! It costs $3.50 (approx.) - ok?", reference: "Hello world, it costs $3.50 approx - ok",
            score: 14.247788801610149, precisions: [60.0, 21.428571428571427, 7.6923076923076925, 4.166666666666667],
            brevityPenalty: 1.0, lengths: (15, 10)),
        SacreBLEUCase(
            hypothesis: "a b", reference: "a b c d e", score: 22.31301601484299,
            precisions: [100.0, 100.0, 0.0, 0.0], brevityPenalty: 0.22313016014842982, lengths: (2, 5)),
        SacreBLEUCase(
            hypothesis: "completely different words here", reference: "nothing matches at all", score: 0.0,
            precisions: [0.0, 0.0, 0.0, 0.0], brevityPenalty: 1.0, lengths: (4, 4)),
        SacreBLEUCase(
            hypothesis: "caf\u{E9} \"quoted\" &amp; 1,000-2", reference: "cafe\u{301} &quot;quoted&quot; & 1,000 - 2",
            score: 84.08964152537145, precisions: [87.5, 85.71428571428571, 83.33333333333333, 80.0],
            brevityPenalty: 1.0, lengths: (8, 8)),
        SacreBLEUCase(
            hypothesis: "", reference: "reference only", score: 0.0, precisions: [0.0, 0.0, 0.0, 0.0],
            brevityPenalty: 0.0, lengths: (0, 2)),
    ]

    @Test("sentence BLEU (exp smoothing, effective order)", arguments: cases)
    func sentence(_ fixture: SacreBLEUCase) {
        let score = BLEU.sentence(hypothesis: fixture.hypothesis, reference: fixture.reference)
        #expect(score.score == fixture.score)
        #expect(score.precisions == fixture.precisions)
        #expect(score.brevityPenalty == fixture.brevityPenalty)
        #expect(score.statistics.hypothesisLength == fixture.lengths.hypothesis)
        #expect(score.statistics.referenceLength == fixture.lengths.reference)
    }

    @Test("corpus BLEU pools statistics")
    func corpus() throws {
        let fixtures = Self.cases.prefix(5)
        let score = try BLEU.corpus(hypotheses: fixtures.map(\.hypothesis), references: fixtures.map(\.reference))
        #expect(score.score == 38.092086453522796)
        #expect(score.statistics.correct == [24, 14, 8, 5])
        #expect(score.statistics.total == [36, 31, 26, 22])
        #expect(score.statistics.hypothesisLength == 36)
        #expect(score.statistics.referenceLength == 34)
    }
}
