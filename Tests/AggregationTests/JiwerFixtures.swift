/// Expected figures computed with jiwer 4.0.0 (rapidfuzz 3.14.6) on these exact inputs; written
/// here as literals so the tests need no Python.
struct JiwerCase: Sendable, CustomStringConvertible {
    var name: String
    var references: [String]
    var hypotheses: [String]
    var wer: Double, mer: Double, wil: Double, wip: Double
    var words: (hits: Int, substitutions: Int, deletions: Int, insertions: Int)
    var cer: Double
    var characters: (hits: Int, substitutions: Int, deletions: Int, insertions: Int)

    var description: String { name }
}

enum JiwerFixtures {
    static let cases: [JiwerCase] = [
        JiwerCase(
            name: "jiwer's documentation example (two sentences, pooled)",
            references: ["short one here", "quite a bit of longer sentence"],
            hypotheses: ["shoe order one", "quite bit of an even longest sentence here"],
            wer: 0.8888888888888888, mer: 0.6153846153846154, wil: 0.7474747474747474, wip: 0.25252525252525254,
            words: (5, 2, 2, 4), cer: 0.5681818181818182, characters: (35, 5, 4, 16)),
        JiwerCase(
            name: "empty hypothesis: all deletions",
            references: ["a b c"], hypotheses: [""],
            wer: 1.0, mer: 1.0, wil: 1.0, wip: 0.0, words: (0, 0, 3, 0), cer: 1.0, characters: (0, 0, 5, 0)),
        JiwerCase(
            name: "a whitespace-only hypothesis line is empty",
            references: ["a b c", "d e"], hypotheses: ["a b c", "   "],
            wer: 0.4, mer: 0.4, wil: 0.4, wip: 0.6, words: (3, 0, 2, 0), cer: 0.375, characters: (5, 0, 3, 0)),
        JiwerCase(
            name: "combining mark vs precomposed: different words, one more scalar",
            references: ["caf\u{E9} au lait"], hypotheses: ["cafe\u{301} au lait"],
            wer: 0.3333333333333333, mer: 0.3333333333333333, wil: 0.5555555555555556, wip: 0.4444444444444444,
            words: (2, 1, 0, 0), cer: 0.16666666666666666, characters: (11, 1, 0, 1)),
        JiwerCase(
            name: "flag emoji are two scalars each",
            references: ["\u{1F1EB}\u{1F1F7} ok \u{1F600}"], hypotheses: ["\u{1F1E9}\u{1F1EA} ok \u{1F600}"],
            wer: 0.3333333333333333, mer: 0.3333333333333333, wil: 0.5555555555555556, wip: 0.4444444444444444,
            words: (2, 1, 0, 0), cer: 0.2857142857142857, characters: (5, 2, 0, 0)),
        JiwerCase(
            name: "CJK without spaces is one word, CER per character",
            references: ["我爱北京天安门"], hypotheses: ["我爱南京天安门"],
            wer: 1.0, mer: 1.0, wil: 1.0, wip: 0.0, words: (0, 1, 0, 0), cer: 0.14285714285714285, characters: (6, 1, 0, 0)),
        JiwerCase(
            name: "a lone tab stays inside a word",
            references: ["a\tb c"], hypotheses: ["a b c"],
            wer: 1.0, mer: 0.6666666666666666, wil: 0.8333333333333334, wip: 0.16666666666666666,
            words: (1, 1, 0, 1), cer: 0.2, characters: (4, 1, 0, 0)),
        JiwerCase(
            name: "case and punctuation count by default; CER keeps inner spaces",
            references: ["  Hello,   World! "], hypotheses: ["hello world"],
            wer: 1.0, mer: 1.0, wil: 1.0, wip: 0.0, words: (0, 2, 0, 0), cer: 0.4, characters: (9, 2, 4, 0)),
        // Tie-breaking: for each of these, diagonal-first and deletion-first backtraces give other splits.
        JiwerCase(
            name: "tie 1 (diagonal-first gives 4 S; deletion-first 2 D 2 I)",
            references: ["c b c c b"], hypotheses: ["b a a c c"],
            wer: 0.8, mer: 0.6666666666666666, wil: 0.84, wip: 0.16000000000000003,
            words: (2, 2, 1, 1), cer: 0.4444444444444444, characters: (5, 4, 0, 0)),
        JiwerCase(
            name: "tie 2", references: ["b a c c a"], hypotheses: ["a a b a a a"],
            wer: 0.8, mer: 0.5714285714285714, wil: 0.7, wip: 0.3,
            words: (3, 1, 1, 2), cer: 0.5555555555555556, characters: (6, 3, 0, 2)),
        JiwerCase(
            name: "tie 3", references: ["c b c b c a"], hypotheses: ["b a c a b b"],
            wer: 0.8333333333333334, mer: 0.7142857142857143, wil: 0.8888888888888888, wip: 0.1111111111111111,
            words: (2, 3, 1, 1), cer: 0.45454545454545453, characters: (6, 5, 0, 0)),
        JiwerCase(
            name: "tie 4", references: ["a b c b"], hypotheses: ["b b a a b b"],
            wer: 1.0, mer: 0.5714285714285714, wil: 0.625, wip: 0.375,
            words: (3, 0, 1, 3), cer: 0.8571428571428571, characters: (5, 2, 0, 4)),
        JiwerCase(
            name: "tie 5", references: ["b c b"], hypotheses: ["a a b b"],
            wer: 1.0, mer: 0.6, wil: 0.6666666666666667, wip: 0.3333333333333333,
            words: (2, 0, 1, 2), cer: 0.8, characters: (3, 2, 0, 2)),
        JiwerCase(
            name: "tie 6", references: ["b a b a c c"], hypotheses: ["a c b b a"],
            wer: 0.8333333333333334, mer: 0.7142857142857143, wil: 0.8666666666666667, wip: 0.13333333333333333,
            words: (2, 2, 2, 1), cer: 0.5454545454545454, characters: (5, 4, 2, 0)),
    ]
}
