import Foundation

/// BLEU with sacreBLEU 2.x defaults: 13a tokenizer, case kept, n-grams up to 4, one reference per
/// hypothesis. Corpus BLEU pools the statistics with `exp` smoothing and no effective order
/// (`sacrebleu.corpus_bleu`); sentence BLEU uses `exp` smoothing with effective order
/// (`sacrebleu.sentence_bleu`). Scores are 0…100 as sacreBLEU prints them.
public enum BLEU {
    public static let ngramOrderMax = 4

    /// Sufficient statistics: lengths and per-order matched and total n-gram counts.
    public struct Statistics: Sendable, Hashable {
        public var hypothesisLength = 0
        public var referenceLength = 0
        public var correct = [Int](repeating: 0, count: BLEU.ngramOrderMax)
        public var total = [Int](repeating: 0, count: BLEU.ngramOrderMax)

        public init() {}

        mutating func add(_ other: Statistics) {
            hypothesisLength += other.hypothesisLength
            referenceLength += other.referenceLength
            for order in 0..<BLEU.ngramOrderMax {
                correct[order] += other.correct[order]
                total[order] += other.total[order]
            }
        }
    }

    public struct Score: Sendable, Hashable {
        /// 0…100.
        public var score: Double
        /// Per-order precisions in percent (smoothed).
        public var precisions: [Double]
        public var brevityPenalty: Double
        public var statistics: Statistics
    }

    /// `sacrebleu.corpus_bleu(hypotheses, [references])`.
    public static func corpus(hypotheses: [String], references: [String]) throws(AggregationError) -> Score {
        guard hypotheses.count == references.count else {
            throw AggregationError(
                code: .countMismatch, detail: "\(hypotheses.count) hypothesis and \(references.count) reference sentences")
        }
        var statistics = Statistics()
        for index in hypotheses.indices {
            statistics.add(segmentStatistics(hypothesis: hypotheses[index], reference: references[index]))
        }
        return score(statistics, effectiveOrder: false)
    }

    /// `sacrebleu.sentence_bleu(hypothesis, [reference])`.
    public static func sentence(hypothesis: String, reference: String) -> Score {
        score(segmentStatistics(hypothesis: hypothesis, reference: reference), effectiveOrder: true)
    }

    static func segmentStatistics(hypothesis: String, reference: String) -> Statistics {
        var interner = TokenInterner()
        let hypothesisIDs = ids(Tokenizer13a.tokens(hypothesis), &interner)
        let referenceIDs = ids(Tokenizer13a.tokens(reference), &interner)
        let referenceCounts = ngramCounts(referenceIDs)
        var statistics = Statistics()
        statistics.hypothesisLength = hypothesisIDs.count
        statistics.referenceLength = referenceIDs.count
        for (ngram, count) in ngramCounts(hypothesisIDs) {
            statistics.total[ngram.count - 1] += count
            if let referenceCount = referenceCounts[ngram] { statistics.correct[ngram.count - 1] += min(count, referenceCount) }
        }
        return statistics
    }

    private static func ids(_ tokens: [[Unicode.Scalar]], _ interner: inout TokenInterner) -> [Int32] {
        tokens.map { token in
            var text = String(String.UnicodeScalarView(token))
            return text.withUTF8 { interner.intern($0) }
        }
    }

    private static func ngramCounts(_ tokens: [Int32]) -> [[Int32]: Int] {
        var counts: [[Int32]: Int] = [:]
        for order in 1...ngramOrderMax where tokens.count >= order {
            for start in 0...(tokens.count - order) { counts[Array(tokens[start..<(start + order)]), default: 0] += 1 }
        }
        return counts
    }

    /// sacreBLEU `BLEU.compute_bleu` with `smooth_method='exp'`.
    static func score(_ statistics: Statistics, effectiveOrder: Bool) -> Score {
        var brevityPenalty = 1.0
        if statistics.hypothesisLength < statistics.referenceLength {
            brevityPenalty = statistics.hypothesisLength > 0
                ? exp(1 - Double(statistics.referenceLength) / Double(statistics.hypothesisLength)) : 0
        }
        var precisions = [Double](repeating: 0, count: ngramOrderMax)
        guard statistics.correct.contains(where: { $0 != 0 }) else {
            return Score(score: 0, precisions: precisions, brevityPenalty: brevityPenalty, statistics: statistics)
        }
        var smoothing = 1.0
        var order = ngramOrderMax
        for n in 1...ngramOrderMax {
            if statistics.total[n - 1] == 0 { break }
            if effectiveOrder { order = n }
            if statistics.correct[n - 1] == 0 {
                smoothing *= 2
                precisions[n - 1] = 100 / (smoothing * Double(statistics.total[n - 1]))
            } else {
                precisions[n - 1] = 100 * Double(statistics.correct[n - 1]) / Double(statistics.total[n - 1])
            }
        }
        var logSum = 0.0
        for precision in precisions[..<order] { logSum += precision == 0 ? -9_999_999_999 : log(precision) }
        let value = brevityPenalty * exp(logSum / Double(order))
        return Score(score: value, precisions: precisions, brevityPenalty: brevityPenalty, statistics: statistics)
    }
}
