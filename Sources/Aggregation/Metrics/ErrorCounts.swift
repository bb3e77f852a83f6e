/// Pooled alignment counts over a corpus and the measures jiwer derives from them.
public struct ErrorCounts: Sendable, Hashable {
    public var hits = 0
    public var substitutions = 0
    public var deletions = 0
    public var insertions = 0
    /// Tokens in all references (H + S + D).
    public var referenceLength = 0
    /// Tokens in all hypotheses (H + S + I).
    public var hypothesisLength = 0

    public init() {}

    /// WER (or CER): (S + D + I) / (H + S + D); may exceed 1. With an empty corpus reference it is
    /// the number of insertions, as in jiwer 4.
    public var errorRate: Double {
        guard referenceLength > 0 else { return Double(insertions) }
        return Double(substitutions + deletions + insertions) / Double(hits + substitutions + deletions)
    }

    /// MER: (S + D + I) / (H + S + D + I).
    public var matchErrorRate: Double {
        guard referenceLength > 0 else { return hypothesisLength == 0 ? 0 : 1 }
        return Double(substitutions + deletions + insertions) / Double(hits + substitutions + deletions + insertions)
    }

    /// WIP: (H / N_ref) · (H / N_hyp); 0 for an empty hypothesis.
    public var wordInformationPreserved: Double {
        guard referenceLength > 0 else { return hypothesisLength == 0 ? 1 : 0 }
        guard hypothesisLength >= 1 else { return 0 }
        return (Double(hits) / Double(referenceLength)) * (Double(hits) / Double(hypothesisLength))
    }

    /// WIL: 1 − WIP.
    public var wordInformationLost: Double { 1 - wordInformationPreserved }

    public static func + (a: ErrorCounts, b: ErrorCounts) -> ErrorCounts {
        var sum = a
        sum.hits += b.hits
        sum.substitutions += b.substitutions
        sum.deletions += b.deletions
        sum.insertions += b.insertions
        sum.referenceLength += b.referenceLength
        sum.hypothesisLength += b.hypothesisLength
        return sum
    }
}
