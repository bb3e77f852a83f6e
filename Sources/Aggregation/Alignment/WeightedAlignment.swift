import Wire

/// Weighted minimum-cost alignment of two word sequences (sclite's DP alignment) and its
/// time-mediated variant for word-timed transcripts.
///
/// Ties between equal-cost paths are broken the same way everywhere, walking back from the end:
/// the diagonal (correct or substitution) first, then a deletion, then an insertion.
/// Words are equal when their Unicode scalars are (no canonical equivalence), as in `ErrorRate`.
public enum WeightedAlignment {
    /// Most DP cells (reference × hypothesis words) one alignment may use.
    public static let cellsMax = 64_000_000

    /// sclite's default DP alignment (costs 0/3/3/4 unless given).
    public static func align(
        reference: [String], hypothesis: [String], costs: AlignmentCosts = .sclite
    ) throws(AggregationError) -> [AlignedPair] {
        try align(
            referenceCount: reference.count, hypothesisCount: hypothesis.count,
            isSame: { sameText(reference[$0], hypothesis[$1]) },
            pairCost: { sameText(reference[$0], hypothesis[$1]) ? costs.correct : costs.substitution },
            deletionCost: { _ in costs.deletion }, insertionCost: { _ in costs.insertion })
    }

    /// Time-mediated alignment (in the spirit of sclite `-T`). Costs, in seconds:
    /// - correct: |start_ref − start_hyp| + |end_ref − end_hyp|;
    /// - substitution: the same plus `substitutionPenaltySeconds` (0.001), so that at equal times a
    ///   match beats a substitution;
    /// - deletion: the reference word's duration; insertion: the hypothesis word's duration.
    /// So two words are paired only when pairing them costs less than dropping both, which keeps
    /// alignments of timed hypotheses plausible where plain edit costs are ambiguous.
    public static func alignTimed(reference: [Word], hypothesis: [Word]) throws(AggregationError) -> [AlignedPair] {
        try align(
            referenceCount: reference.count, hypothesisCount: hypothesis.count,
            isSame: { sameText(reference[$0].text, hypothesis[$1].text) },
            pairCost: { timedPairCost(reference[$0], hypothesis[$1]) },
            deletionCost: { duration(reference[$0]) }, insertionCost: { duration(hypothesis[$0]) })
    }

    public static let substitutionPenaltySeconds = 0.001

    static func timedPairCost(_ reference: Word, _ hypothesis: Word) -> Double {
        let distance = abs(reference.startSeconds - hypothesis.startSeconds) + abs(reference.endSeconds - hypothesis.endSeconds)
        return sameText(reference.text, hypothesis.text) ? distance : distance + substitutionPenaltySeconds
    }

    static func duration(_ word: Word) -> Double { max(0, word.endSeconds - word.startSeconds) }

    /// H/S/D/I of an alignment.
    public static func counts(_ pairs: [AlignedPair]) -> ErrorCounts {
        var counts = ErrorCounts()
        for pair in pairs {
            switch pair.kind {
            case .correct: counts.hits += 1
            case .substitution: counts.substitutions += 1
            case .deletion: counts.deletions += 1
            case .insertion: counts.insertions += 1
            }
        }
        counts.referenceLength = counts.hits + counts.substitutions + counts.deletions
        counts.hypothesisLength = counts.hits + counts.substitutions + counts.insertions
        return counts
    }

    static func sameText(_ a: String, _ b: String) -> Bool { a.utf8.elementsEqual(b.utf8) }

    /// The DP behind every weighted alignment here (also ROVER's, with slots as the reference).
    package static func align(
        referenceCount: Int, hypothesisCount: Int, isSame: (Int, Int) -> Bool, pairCost: (Int, Int) -> Double,
        deletionCost: (Int) -> Double, insertionCost: (Int) -> Double
    ) throws(AggregationError) -> [AlignedPair] {
        let columns = hypothesisCount + 1
        guard (referenceCount + 1) * columns <= cellsMax else {
            throw AggregationError(code: .inputTooLarge, detail: "\(referenceCount) × \(hypothesisCount) words exceed \(cellsMax) cells")
        }
        // 0 diagonal, 1 deletion (up), 2 insertion (left).
        var moves = [UInt8](repeating: 0, count: (referenceCount + 1) * columns)
        var previous = [Double](repeating: 0, count: columns)
        var current = [Double](repeating: 0, count: columns)
        for j in 1..<columns {
            previous[j] = previous[j - 1] + insertionCost(j - 1)
            moves[j] = 2
        }
        for i in 1..<(referenceCount + 1) {
            current[0] = previous[0] + deletionCost(i - 1)
            moves[i * columns] = 1
            for j in 1..<columns {
                let diagonal = previous[j - 1] + pairCost(i - 1, j - 1)
                let deletion = previous[j] + deletionCost(i - 1)
                let insertion = current[j - 1] + insertionCost(j - 1)
                var best = diagonal
                var move: UInt8 = 0
                if deletion < best { best = deletion; move = 1 }
                if insertion < best { best = insertion; move = 2 }
                current[j] = best
                moves[i * columns + j] = move
            }
            swap(&previous, &current)
        }
        var pairs: [AlignedPair] = []
        var i = referenceCount
        var j = hypothesisCount
        while i > 0 || j > 0 {
            switch moves[i * columns + j] {
            case 0:
                pairs.append(AlignedPair(kind: isSame(i - 1, j - 1) ? .correct : .substitution, referenceIndex: i - 1, hypothesisIndex: j - 1))
                i -= 1
                j -= 1
            case 1:
                pairs.append(AlignedPair(kind: .deletion, referenceIndex: i - 1, hypothesisIndex: nil))
                i -= 1
            default:
                pairs.append(AlignedPair(kind: .insertion, referenceIndex: nil, hypothesisIndex: j - 1))
                j -= 1
            }
        }
        return pairs.reversed()
    }
}
