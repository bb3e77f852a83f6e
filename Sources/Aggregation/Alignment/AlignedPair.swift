/// One step of a weighted alignment: a reference word, a hypothesis word, or both.
public struct AlignedPair: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case correct
        case substitution
        case insertion
        case deletion
    }

    public var kind: Kind
    /// Index into the reference; nil for an insertion.
    public var referenceIndex: Int?
    /// Index into the hypothesis; nil for a deletion.
    public var hypothesisIndex: Int?

    public init(kind: Kind, referenceIndex: Int?, hypothesisIndex: Int?) {
        self.kind = kind
        self.referenceIndex = referenceIndex
        self.hypothesisIndex = hypothesisIndex
    }
}

/// Costs of the weighted (sclite-style) alignment.
public struct AlignmentCosts: Sendable, Hashable {
    public var correct = 0.0
    public var insertion = 3.0
    public var deletion = 3.0
    public var substitution = 4.0

    public init() {}

    /// NIST sclite's defaults: correct 0, insertion 3, deletion 3, substitution 4.
    public static let sclite = AlignmentCosts()
}
