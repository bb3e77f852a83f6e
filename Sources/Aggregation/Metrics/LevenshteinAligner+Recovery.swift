extension LevenshteinAligner {
    struct Split {
        var sourceMiddle: Int
        var destinationMiddle: Int
        var leftScore: Int
        var rightScore: Int
    }

    /// rapidfuzz `recover_alignment`: from the last cell, take a deletion when the vertical delta
    /// is +1; otherwise step up a row and take an insertion when the delta there is −1; otherwise
    /// the diagonal (a substitution unless the tokens match). Operations come out in order.
    func recoverAlignment(
        _ s1: UnsafeBufferPointer<Int32>, _ s2: UnsafeBufferPointer<Int32>, band: DiagonalBand,
        source: Int, destination: Int, into operations: inout [EditOperation]
    ) {
        let start = operations.count
        let stride = band.wordsPerRow
        var column = s1.count
        var row = s2.count
        while row > 0, column > 0 {
            if recordedBit(row: row - 1, bit: column - 1, positive: true, stride: stride) {
                column -= 1
                operations.append(EditOperation(.delete, column + source, row + destination))
                continue
            }
            row -= 1
            if row > 0, recordedBit(row: row - 1, bit: column - 1, positive: false, stride: stride) {
                operations.append(EditOperation(.insert, column + source, row + destination))
            } else {
                column -= 1
                if s1[column] != s2[row] {
                    operations.append(EditOperation(.substitute, column + source, row + destination))
                }
            }
        }
        while column > 0 {
            column -= 1
            operations.append(EditOperation(.delete, column + source, row + destination))
        }
        while row > 0 {
            row -= 1
            operations.append(EditOperation(.insert, column + source, row + destination))
        }
        operations[start...].reverse()
    }

    /// rapidfuzz `find_hirschberg_pos`: split the hypothesis in half and the reference at the
    /// smallest position where the distances of the two halves sum to the minimum.
    mutating func hirschbergSplit(
        _ s1: UnsafeBufferPointer<Int32>, _ s2: UnsafeBufferPointer<Int32>, maximum: Int, isExact: Bool
    ) -> Split {
        let reversed1 = Array(s1.reversed())
        let reversed2 = Array(s2[(s2.count / 2)...].reversed())
        var bound = Self.initialBound(s1.count, s2.count, maximum: maximum, isExact: isExact)
        while true {
            let split = reversed1.withUnsafeBufferPointer { r1 in
                reversed2.withUnsafeBufferPointer { r2 in splitWithin(s1, s2, reversed1: r1, reversed2: r2, bound: bound) }
            }
            // Within a band too narrow the sums are over-estimates above the bound: widen and retry.
            if split.leftScore + split.rightScore <= bound || bound >= maximum { return split }
            bound = Swift.min(maximum, bound * 2)
        }
    }

    private mutating func splitWithin(
        _ s1: UnsafeBufferPointer<Int32>, _ s2: UnsafeBufferPointer<Int32>,
        reversed1: UnsafeBufferPointer<Int32>, reversed2: UnsafeBufferPointer<Int32>, bound: Int
    ) -> Split {
        let leftSize = s2.count / 2
        let left = rowValues(s1, UnsafeBufferPointer(rebasing: s2[..<leftSize]), maximum: bound, fullCount2: s2.count)
        let right = rowValues(reversed1, reversed2, maximum: bound, fullCount2: s2.count)
        var best = Split(sourceMiddle: 0, destinationMiddle: leftSize, leftScore: 0, rightScore: 0)
        var bestScore = Int.max
        for position in 0...s1.count {
            let leftScore = left[position]
            let rightScore = right[s1.count - position]
            guard leftScore < Int.max / 4, rightScore < Int.max / 4 else { continue }
            if leftScore + rightScore < bestScore {
                bestScore = leftScore + rightScore
                best = Split(sourceMiddle: position, destinationMiddle: leftSize, leftScore: leftScore, rightScore: rightScore)
            }
        }
        precondition(bestScore < Int.max, "no split within the band")
        return best
    }

    /// D[i][rows] for i in 0...s1.count after reading all of `s2`; cells outside the band are huge.
    /// The band is that of the whole problem (`fullCount2` hypothesis tokens), cut at `s2.count` rows.
    mutating func rowValues(
        _ s1: UnsafeBufferPointer<Int32>, _ s2: UnsafeBufferPointer<Int32>, maximum: Int, fullCount2: Int
    ) -> [Int] {
        let unknown = Int.max / 2
        var values = [Int](repeating: unknown, count: s1.count + 1)
        guard !s2.isEmpty else {
            for index in 0...s1.count { values[index] = index }
            return values
        }
        let band = DiagonalBand(count1: s1.count, count2: fullCount2, maximum: maximum)
        buildPattern(s1)
        runRows(s1, s2, band: band, rowCount: s2.count, record: false)
        clearPattern(s1)
        let first = bandFirstWord
        let last = bandLastWord
        let firstBits = Swift.min(64, s1.count - first * 64)
        let firstMask: UInt64 = firstBits == 64 ? ~0 : (1 << UInt64(firstBits)) - 1
        var value = first == 0
            ? s2.count
            : scores[first] - (verticalPositive[first] & firstMask).nonzeroBitCount
                + (verticalNegative[first] & firstMask).nonzeroBitCount
        values[first * 64] = value
        let end = Swift.min(s1.count, (last + 1) * 64)
        for bit in (first * 64)..<end {
            let shift = UInt64(bit & 63)
            value += Int((verticalPositive[bit >> 6] >> shift) & 1) - Int((verticalNegative[bit >> 6] >> shift) & 1)
            values[bit + 1] = value
        }
        return values
    }
}
