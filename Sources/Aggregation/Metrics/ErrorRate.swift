/// Options for `ErrorRate`.
public struct ErrorRateOptions: Sendable, Hashable {
    public var normalization: TextNormalization = .none
    /// jiwer 4 scores an empty reference sentence as all insertions; by default we reject it
    /// (`AggregationError.Code.emptyReference`, naming the sentence), since it usually means
    /// misaligned input files.
    public var allowsEmptyReferences = false

    public init() {}
}

/// Word and character error rates with jiwer 4.x conventions and identical figures (checked
/// against jiwer 4.0.0 with rapidfuzz 3.14.6: fixtures in the tests, whole corpora with
/// `ci/bench-jiwer.py`). Corpus figures are pooled: (S + D + I) / (H + S + D) over all sentences.
/// Tokens are compared scalar by scalar, as Python compares strings.
public enum ErrorRate {
    /// Pooled word-level measures over sentence pairs (jiwer `process_words` with `wer_default`).
    public static func words(
        references: [String], hypotheses: [String], options: ErrorRateOptions = .init()
    ) throws(AggregationError) -> ErrorRateReport {
        var corpus = TokenizedCorpus(unit: .word)
        try corpus.add(references: references, hypotheses: hypotheses, options: options)
        return corpus.align()
    }

    /// Pooled character-level measures (jiwer `process_characters` with `cer_default`): each
    /// sentence is stripped of surrounding whitespace, then every Unicode scalar (Python's notion of
    /// a character: a combining mark or each half of a flag emoji counts alone) is a token; inner
    /// spaces count.
    public static func characters(
        references: [String], hypotheses: [String], options: ErrorRateOptions = .init()
    ) throws(AggregationError) -> ErrorRateReport {
        var corpus = TokenizedCorpus(unit: .character)
        try corpus.add(references: references, hypotheses: hypotheses, options: options)
        return corpus.align()
    }

    /// One sentence pair.
    public static func words(
        reference: String, hypothesis: String, options: ErrorRateOptions = .init()
    ) throws(AggregationError) -> ErrorRateReport {
        try words(references: [reference], hypotheses: [hypothesis], options: options)
    }

    /// One sentence pair.
    public static func characters(
        reference: String, hypothesis: String, options: ErrorRateOptions = .init()
    ) throws(AggregationError) -> ErrorRateReport {
        try characters(references: [reference], hypotheses: [hypothesis], options: options)
    }
}
