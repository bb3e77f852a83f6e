/// The result of `ErrorRate.words` or `ErrorRate.characters`: pooled counts, and per sentence the
/// transformed tokens and the alignment chunks (what jiwer's `WordOutput` holds).
public struct ErrorRateReport: Sendable {
    public enum Unit: String, Sendable {
        case word
        case character
    }

    public let unit: Unit
    public let counts: ErrorCounts
    /// Token id → text.
    let tokens: [String]
    let referenceIDs: [Int32]
    let referenceOffsets: [Int]
    let hypothesisIDs: [Int32]
    let hypothesisOffsets: [Int]
    let chunkStore: [AlignmentChunk]
    let chunkOffsets: [Int]

    public var sentenceCount: Int { referenceOffsets.count - 1 }
    /// WER for words, CER for characters.
    public var errorRate: Double { counts.errorRate }

    /// The reference sentence's tokens after the transform.
    public func referenceTokens(sentence: Int) -> [String] {
        referenceIDs[referenceOffsets[sentence]..<referenceOffsets[sentence + 1]].map { tokens[Int($0)] }
    }

    /// The hypothesis sentence's tokens after the transform.
    public func hypothesisTokens(sentence: Int) -> [String] {
        hypothesisIDs[hypothesisOffsets[sentence]..<hypothesisOffsets[sentence + 1]].map { tokens[Int($0)] }
    }

    /// The sentence's alignment chunks, in order.
    public func chunks(sentence: Int) -> [AlignmentChunk] {
        Array(chunkStore[chunkOffsets[sentence]..<chunkOffsets[sentence + 1]])
    }
}
