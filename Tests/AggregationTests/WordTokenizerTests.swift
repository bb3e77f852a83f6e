import Aggregation
import Testing

@Suite("jiwer's default word transform")
struct WordTokenizerTests {
    /// Expected tokens: jiwer 4.0.0 `wer_default(text)`.
    @Test("whitespace collapse, strip and split on spaces, with Python's whitespace set", arguments: [
        ("a\u{A0}b c", ["a\u{A0}b", "c"]),
        ("a \u{A0}b", ["a", "b"]),
        ("\u{3000}x\u{3000}y\u{3000}", ["x\u{3000}y"]),
        ("x\u{1C}y", ["x\u{1C}y"]),
        ("x\u{1C}\u{1C}y", ["x", "y"]),
        ("\ta\tb\t", ["a\tb"]),
        ("one  two   three", ["one", "two", "three"]),
        (" lead", ["lead"]),
        ("trail\u{2003}", ["trail"]),
        ("mid\u{2028}dle", ["mid\u{2028}dle"]),
        ("tab\t tab", ["tab", "tab"]),
    ])
    func tokens(text: String, expected: [String]) throws {
        var options = ErrorRateOptions()
        options.allowsEmptyReferences = true
        let report = try ErrorRate.words(reference: text, hypothesis: "", options: options)
        #expect(report.referenceTokens(sentence: 0) == expected)
    }

    @Test("tokens compare by scalars, not by Swift's canonical equivalence")
    func scalarEquality() throws {
        let report = try ErrorRate.words(reference: "caf\u{E9}", hypothesis: "cafe\u{301}")
        #expect(report.counts.substitutions == 1)
    }
}
