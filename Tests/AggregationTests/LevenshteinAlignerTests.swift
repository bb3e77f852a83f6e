import Aggregation
import Testing
import Wire

@Suite("The rapidfuzz editops replica")
struct LevenshteinAlignerTests {
    /// The corpora of `lsbench aggregation` (seed 2026); figures from ci/bench-jiwer.py (jiwer 4.0.0).
    static func benchmarkCorpus() -> (references: [String], hypotheses: [String], long: (reference: String, hypothesis: String)) {
        var generator = SeededGenerator(seed: 2026)
        let vocabulary = BenchmarkCorpus.vocabulary(&generator, count: 2_000)
        var references: [String] = []
        var hypotheses: [String] = []
        for _ in 0..<10_000 {
            let pair = BenchmarkCorpus.pair(&generator, vocabulary: vocabulary, length: 20)
            references.append(pair.reference)
            hypotheses.append(pair.hypothesis)
        }
        return (references, hypotheses, BenchmarkCorpus.pair(&generator, vocabulary: vocabulary, length: 5_000))
    }

    @Test("10,000 generated pairs: counts and every chunk equal jiwer's")
    func corpus() throws {
        let corpus = Self.benchmarkCorpus()
        let report = try ErrorRate.words(references: corpus.references, hypotheses: corpus.hypotheses)
        #expect(report.errorRate == 0.1573)
        #expect(report.counts.hits == 175_667)
        #expect(report.counts.substitutions == 13_292)
        #expect(report.counts.deletions == 11_041)
        #expect(report.counts.insertions == 7_127)
        #expect(BenchmarkCorpus.checksum(report) == 187_394_142_093_484_282)
    }

    @Test("a 5,000-word pair, by words and by characters (the Hirschberg path), equals jiwer")
    func longPair() throws {
        let long = Self.benchmarkCorpus().long
        let words = try ErrorRate.words(reference: long.reference, hypothesis: long.hypothesis)
        #expect(words.errorRate == 0.1496)
        #expect([words.counts.hits, words.counts.substitutions, words.counts.deletions, words.counts.insertions] == [4406, 323, 271, 154])
        #expect(BenchmarkCorpus.checksum(words) == 13_035_910_687_202_314_921)
        let characters = try ErrorRate.characters(reference: long.reference, hypothesis: long.hypothesis)
        #expect(characters.errorRate == 0.14359484850370186)
        #expect([characters.counts.hits, characters.counts.substitutions, characters.counts.deletions, characters.counts.insertions]
            == [28851, 1234, 2061, 1321])
        #expect(BenchmarkCorpus.checksum(characters) == 16_911_701_139_204_438_236)
    }

    @Test("operations come out in order with rapidfuzz's positions")
    func operations() {
        var aligner = LevenshteinAligner()
        var operations: [EditOperation] = []
        let reference: [Int32] = [2, 1, 2, 2, 1]  // c b c c b
        let hypothesis: [Int32] = [1, 0, 0, 2, 2]  // b a a c c
        reference.withUnsafeBufferPointer { r in
            hypothesis.withUnsafeBufferPointer { h in
                aligner.editOperations(reference: r, hypothesis: h, alphabetSize: 3, into: &operations)
            }
        }
        // rapidfuzz 3.14.6 Levenshtein.editops([2,1,2,2,1], [1,0,0,2,2]).
        #expect(operations.map { "\($0.kind) \($0.sourceIndex) \($0.destinationIndex)" } == Self.expectedTie1)
    }

    static let expectedTie1 = ["insert 0 0", "substitute 0 1", "substitute 1 2", "delete 4 5"]

    /// Plain Wagner–Fischer distance, to check the replica's operations are optimal.
    static func distance(_ a: [Int32], _ b: [Int32]) -> Int {
        var previous = Array(0...b.count)
        var current = previous
        for i in 1..<(a.count + 1) {
            current[0] = i
            for j in 1..<(b.count + 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// Applies the operations to `reference`; must give `hypothesis`.
    static func apply(_ operations: [EditOperation], to reference: [Int32], hypothesis: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var source = 0
        for operation in operations {
            while source < Int(operation.sourceIndex) { result.append(reference[source]); source += 1 }
            switch operation.kind {
            case .substitute: result.append(hypothesis[Int(operation.destinationIndex)]); source += 1
            case .delete: source += 1
            case .insert: result.append(hypothesis[Int(operation.destinationIndex)])
            }
        }
        while source < reference.count { result.append(reference[source]); source += 1 }
        return result
    }

    @Test("operations are optimal and rebuild the hypothesis (seeded sweep, both code paths)", arguments: Array(UInt64(1)...24))
    func seeded(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        // Seeds above 20 are long enough for the Hirschberg split (len1 × len2 ≥ 4 Mi).
        let length = seed > 20 ? 2_100 + generator.below(300) : generator.below(200)
        let alphabet = 2 + generator.below(seed % 2 == 0 ? 4 : 300)
        let reference = (0..<length).map { _ in Int32(generator.below(alphabet)) }
        var hypothesis: [Int32] = []
        for token in reference {
            let roll = generator.below(100)
            if roll < 10 { continue }
            if roll < 20 { hypothesis.append(Int32(generator.below(alphabet))); continue }
            hypothesis.append(token)
            if roll < 28 { hypothesis.append(Int32(generator.below(alphabet))) }
        }
        var aligner = LevenshteinAligner()
        var operations: [EditOperation] = []
        reference.withUnsafeBufferPointer { r in
            hypothesis.withUnsafeBufferPointer { h in
                aligner.editOperations(reference: r, hypothesis: h, alphabetSize: alphabet, into: &operations)
            }
        }
        #expect(operations.count == Self.distance(reference, hypothesis), "seed \(seed)")
        #expect(Self.apply(operations, to: reference, hypothesis: hypothesis) == hypothesis, "seed \(seed)")
    }
}
