import Wire
/// Deterministic sentence pairs for `lsbench aggregation` and `ci/bench-jiwer.py` (which must
/// generate byte-identical text: change both together).
package enum BenchmarkCorpus {
    /// A vocabulary of `count` lowercase pseudo-words (duplicates possible, as in real text).
    package static func vocabulary(_ generator: inout SeededGenerator, count: Int) -> [String] {
        var words: [String] = []
        for _ in 0..<count {
            let length = 2 + generator.below(8)
            var scalars = String.UnicodeScalarView()
            for _ in 0..<length { scalars.append(Unicode.Scalar(UInt8(97 + generator.below(26)))) }
            words.append(String(scalars))
        }
        return words
    }

    /// One reference of `length` words and a hypothesis with about 6 % deletions, 6 % substitutions
    /// and 4 % insertions. Word choice is skewed towards the start of the vocabulary.
    package static func pair(_ generator: inout SeededGenerator, vocabulary: [String], length: Int) -> (reference: String, hypothesis: String) {
        var reference: [String] = []
        var hypothesis: [String] = []
        func pick(_ generator: inout SeededGenerator) -> String {
            vocabulary[generator.below(1 + generator.below(vocabulary.count))]
        }
        for _ in 0..<length {
            let word = pick(&generator)
            reference.append(word)
            let roll = generator.below(100)
            if roll < 6 { continue }
            if roll < 12 { hypothesis.append(pick(&generator)); continue }
            hypothesis.append(word)
            if roll < 16 { hypothesis.append(pick(&generator)) }
        }
        return (reference.joined(separator: " "), hypothesis.joined(separator: " "))
    }

    /// Order-sensitive hash of every sentence's chunks (kind and ranges), to compare alignments
    /// with jiwer's without printing them.
    package static func checksum(_ report: ErrorRateReport) -> UInt64 {
        var hash: UInt64 = 0
        func mix(_ value: Int) { hash = hash &* 1_000_003 &+ UInt64(value) }
        for sentence in 0..<report.sentenceCount {
            for chunk in report.chunks(sentence: sentence) {
                let code = switch chunk.kind {
                case .equal: 1
                case .substitute: 2
                case .insert: 3
                case .delete: 4
                }
                mix(code)
                mix(chunk.referenceRange.lowerBound)
                mix(chunk.referenceRange.upperBound)
                mix(chunk.hypothesisRange.lowerBound)
                mix(chunk.hypothesisRange.upperBound)
            }
            mix(7)
        }
        return hash
    }
}
