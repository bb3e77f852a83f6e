/// How ROVER picks the word of a slot (Fiscus 1997): each candidate w (a word, or the null arc)
/// scores `α · N(w)/N_systems + (1 − α) · C(w)`, where N(w) counts the systems voting for w and
/// C(w) is its confidence term.
public struct VotingScheme: Sendable, Hashable {
    public enum ConfidenceTerm: String, Sendable {
        /// No confidence term (frequency voting).
        case none
        /// The mean confidence of the arcs with the word.
        case average
        /// The highest confidence of the arcs with the word.
        case maximum
    }

    public var alpha: Double
    public var confidenceTerm: ConfidenceTerm
    /// C(@), the confidence given to the null arc (a system that has no word in the slot).
    public var nullConfidence: Double
    /// Confidence assumed for a word whose engine reported none.
    public var missingConfidence = 0.5

    public init(alpha: Double, confidenceTerm: ConfidenceTerm, nullConfidence: Double) {
        self.alpha = alpha
        self.confidenceTerm = confidenceTerm
        self.nullConfidence = nullConfidence
    }

    /// Frequency of occurrence: α = 1.
    public static let frequency = VotingScheme(alpha: 1, confidenceTerm: .none, nullConfidence: 0)
    /// Average confidence: α = 0.2, C(@) = 0.8 (the paper's trained values).
    public static let averageConfidence = VotingScheme(alpha: 0.2, confidenceTerm: .average, nullConfidence: 0.8)
    /// Maximum confidence: α = 0.7, C(@) = 0.6 (the paper's trained values).
    public static let maximumConfidence = VotingScheme(alpha: 0.7, confidenceTerm: .maximum, nullConfidence: 0.6)
}
