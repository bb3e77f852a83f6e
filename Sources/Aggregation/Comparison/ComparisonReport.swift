/// What `EngineComparison.compare` found about several engines' transcripts of the same audio.
/// Matrices are indexed [row][column] by engine, in the order given.
public struct ComparisonReport: Sendable, Hashable {
    public struct ConfidenceStatistics: Sendable, Hashable {
        public var wordCount = 0
        /// Words that carry a confidence.
        public var scoredCount = 0
        public var mean: Double?
        public var minimum: Double?
        public var maximum: Double?
        public var median: Double?
        /// Share of scored words below 0.5.
        public var lowShare: Double?
    }

    public struct TimingDrift: Sendable, Hashable {
        /// Mean of (column start − row start) over words both engines got right in the same place.
        public var meanSeconds: Double
        public var meanAbsoluteSeconds: Double
        public var matchedWords: Int
    }

    public enum Basis: String, Sendable {
        /// Lowest WER against the given reference.
        case lowestReferenceWER = "lowest_reference_wer"
        /// Without a reference: lowest mean MER (1 − agreement) against the other engines.
        case closestToConsensus = "closest_to_consensus"
    }

    public struct Recommendation: Sendable, Hashable {
        public var engine: Int
        public var basis: Basis
        /// The figure that decided: WER against the reference, or the mean MER.
        public var value: Double

        public init(engine: Int, basis: Basis, value: Double) {
            self.engine = engine
            self.basis = basis
            self.value = value
        }
    }

    public var engines: [String]
    /// WER of the column engine scored against the row engine as reference (nil: row has no words).
    public var pairwiseWER: [[Double?]]
    /// 1 − MER = H / (H + S + D + I): symmetric, 1 on the diagonal (nil when both are empty).
    public var agreement: [[Double?]]
    /// Sentence BLEU (sacreBLEU defaults) of the column's text against the row's, 0…100.
    public var bleu: [[Double]]
    public var confidence: [ConfidenceStatistics]
    /// Start-time drift of the column engine relative to the row engine (nil: no matched words).
    public var timingDrift: [[TimingDrift?]]
    /// Each engine's WER against the reference, when one was given (nil entries: reference empty).
    public var referenceWER: [Double?]?
    public var recommendation: Recommendation?
}
