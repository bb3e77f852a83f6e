/// Unit-cost edit operations between two token sequences, reproducing rapidfuzz 3.x
/// `Levenshtein.editops` (the library jiwer 4 takes its S/D/I split from) operation for operation.
///
/// Only the distance is independent of tie-breaking; the split into substitutions, deletions and
/// insertions is not. rapidfuzz decides it in three places, all mirrored here:
/// 1. the common prefix and suffix are matches and are removed first, at every level;
/// 2. large problems are split Hirschberg-style: the hypothesis at `count / 2`, the reference at
///    the smallest position where left and right distances sum to the minimum;
/// 3. small problems record Hyyrö's bit-parallel vertical deltas and walk back from the end,
///    preferring a deletion, then an insertion, then the diagonal (see `recoverAlignment`).
/// Tokens are non-negative ids below `alphabetSize` (interned words or scalars).
package struct LevenshteinAligner {
    /// Symbol → its index in the current pattern (0: absent). All zero between calls.
    var patternIndex: [Int32] = []
    var patternMatch: [UInt64] = []
    var verticalPositive: [UInt64] = []
    var verticalNegative: [UInt64] = []
    var scores: [Int] = []
    var recordedPositive: [UInt64] = []
    var recordedNegative: [UInt64] = []
    var recordedFirstWord: [Int] = []
    /// Words of the last row `runRows` computed.
    var bandFirstWord = 0
    var bandLastWord = 0

    package init() {}

    /// Appends the edit operations turning `reference` into `hypothesis` to `operations`, in order.
    package mutating func editOperations(
        reference: UnsafeBufferPointer<Int32>, hypothesis: UnsafeBufferPointer<Int32>, alphabetSize: Int,
        into operations: inout [EditOperation]
    ) {
        if patternIndex.count < alphabetSize {
            patternIndex.append(contentsOf: repeatElement(0, count: alphabetSize - patternIndex.count))
        }
        let maximum = Swift.max(reference.count, hypothesis.count)
        alignHirschberg(
            reference, hypothesis, sourceOffset: 0, destinationOffset: 0, maximum: maximum, isExact: false, into: &operations)
    }

    /// rapidfuzz `levenshtein_align_hirschberg`.
    mutating func alignHirschberg(
        _ whole1: UnsafeBufferPointer<Int32>, _ whole2: UnsafeBufferPointer<Int32>,
        sourceOffset: Int, destinationOffset: Int, maximum: Int, isExact: Bool, into operations: inout [EditOperation]
    ) {
        var prefix = 0
        while prefix < whole1.count, prefix < whole2.count, whole1[prefix] == whole2[prefix] { prefix += 1 }
        var end1 = whole1.count
        var end2 = whole2.count
        while end1 > prefix, end2 > prefix, whole1[end1 - 1] == whole2[end2 - 1] {
            end1 -= 1
            end2 -= 1
        }
        let s1 = UnsafeBufferPointer(rebasing: whole1[prefix..<end1])
        let s2 = UnsafeBufferPointer(rebasing: whole2[prefix..<end2])
        let source = sourceOffset + prefix
        let destination = destinationOffset + prefix
        let bound = Swift.min(maximum, Swift.max(s1.count, s2.count))
        let fullBand = Swift.min(s1.count, 2 * bound + 1)
        let matrixBytes = 2 * fullBand * s2.count / 8
        if matrixBytes < 1_048_576 || s1.count < 65 || s2.count < 10 {
            alignDirect(s1, s2, source: source, destination: destination, maximum: bound, isExact: isExact, into: &operations)
            return
        }
        let split = hirschbergSplit(s1, s2, maximum: bound, isExact: isExact)
        alignHirschberg(
            UnsafeBufferPointer(rebasing: s1[..<split.sourceMiddle]),
            UnsafeBufferPointer(rebasing: s2[..<split.destinationMiddle]),
            sourceOffset: source, destinationOffset: destination, maximum: split.leftScore, isExact: true, into: &operations)
        alignHirschberg(
            UnsafeBufferPointer(rebasing: s1[split.sourceMiddle...]),
            UnsafeBufferPointer(rebasing: s2[split.destinationMiddle...]),
            sourceOffset: source + split.sourceMiddle, destinationOffset: destination + split.destinationMiddle,
            maximum: split.rightScore, isExact: true, into: &operations)
    }

    /// rapidfuzz `levenshtein_align`: record the band of the matrix, then walk back.
    mutating func alignDirect(
        _ s1: UnsafeBufferPointer<Int32>, _ s2: UnsafeBufferPointer<Int32>,
        source: Int, destination: Int, maximum: Int, isExact: Bool, into operations: inout [EditOperation]
    ) {
        if s1.isEmpty || s2.isEmpty {
            for index in 0..<s1.count { operations.append(EditOperation(.delete, source + index, destination)) }
            for index in 0..<s2.count { operations.append(EditOperation(.insert, source, destination + index)) }
            return
        }
        // Any band holding every optimal path gives the same walk; start narrow and widen until the
        // distance found fits the band (then it is exact).
        buildPattern(s1)
        var bound = Self.initialBound(s1.count, s2.count, maximum: maximum, isExact: isExact)
        while true {
            let band = DiagonalBand(count1: s1.count, count2: s2.count, maximum: bound)
            runRows(s1, s2, band: band, rowCount: s2.count, record: true)
            if scores[band.words - 1] <= bound || bound >= maximum {
                clearPattern(s1)
                recoverAlignment(s1, s2, band: band, source: source, destination: destination, into: &operations)
                return
            }
            bound = Swift.min(maximum, bound * 2)
        }
    }
}

extension LevenshteinAligner {
    /// First band tried: `maximum` when it is the exact distance (the halves of a split), else the
    /// length difference plus one word of slack, at most `maximum`.
    static func initialBound(_ count1: Int, _ count2: Int, maximum: Int, isExact: Bool) -> Int {
        isExact ? maximum : Swift.min(maximum, abs(count1 - count2) + 64)
    }
}

/// The diagonals of the matrix an optimal path can use when the distance is at most `maximum`,
/// widened by two on each side so the cells next to the path are exact too.
struct DiagonalBand {
    let count1: Int
    let words: Int
    let offsetLow: Int
    let offsetHigh: Int
    /// Most words any row of the band covers.
    let wordsPerRow: Int

    init(count1: Int, count2: Int, maximum: Int) {
        let difference = count1 - count2
        let slack = Swift.max(0, maximum - abs(difference)) / 2
        self.count1 = count1
        words = (count1 + 63) / 64
        offsetLow = Swift.min(0, difference) - slack - 2
        offsetHigh = Swift.max(0, difference) + slack + 2
        wordsPerRow = Swift.min(words, (offsetHigh - offsetLow + 2) / 64 + 2)
    }

    /// Words computed in row `row` (0-based: after reading `row + 1` hypothesis tokens).
    func wordRange(row: Int) -> (first: Int, last: Int) {
        let column = row + 1
        let bitLow = Swift.max(0, column + offsetLow - 1)
        let bitHigh = Swift.min(count1 - 1, column + offsetHigh - 1)
        let last = Swift.max(0, Swift.min(words - 1, bitHigh >> 6))
        let first = Swift.min(last, bitLow >> 6)
        return (first, Swift.max(first, Swift.min(last, first + wordsPerRow - 1)))
    }
}
