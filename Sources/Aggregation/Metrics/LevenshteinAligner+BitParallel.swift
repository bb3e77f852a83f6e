/// Hyyrö's (2003) bit-parallel Levenshtein rows over 64-token words, limited to a diagonal band.
/// Cells outside the band are never read; cells inside are upper bounds of the true distance and
/// exact wherever an optimal path can pass, which is all the alignment and the split read.
extension LevenshteinAligner {
    /// Maps each distinct token of `pattern` to a row of `patternMatch` (row 0 stays zero).
    mutating func buildPattern(_ pattern: UnsafeBufferPointer<Int32>) {
        var distinct: Int32 = 0
        for token in pattern where patternIndex[Int(token)] == 0 {
            distinct += 1
            patternIndex[Int(token)] = distinct
        }
        let words = (pattern.count + 63) / 64
        let size = (Int(distinct) + 1) * words
        if patternMatch.count < size {
            patternMatch = [UInt64](repeating: 0, count: size)
        } else {
            for index in 0..<size { patternMatch[index] = 0 }
        }
        for (position, token) in pattern.enumerated() {
            let row = Int(patternIndex[Int(token)])
            patternMatch[row * words + position >> 6] |= 1 << UInt64(position & 63)
        }
    }

    mutating func clearPattern(_ pattern: UnsafeBufferPointer<Int32>) {
        for token in pattern { patternIndex[Int(token)] = 0 }
    }

    /// Runs the first `rowCount` rows of the matrix of `s1` (bits) against `s2` (rows).
    /// Leaves the last row's vectors and word end scores in place; records every row if asked.
    mutating func runRows(
        _ s1: UnsafeBufferPointer<Int32>, _ s2: UnsafeBufferPointer<Int32>, band: DiagonalBand,
        rowCount: Int, record: Bool
    ) {
        let words = band.words
        prepareStorage(words: words, rows: record ? rowCount : 0, wordsPerRow: band.wordsPerRow)
        let lastBits = (s1.count - 1) % 64
        let lastMask: UInt64 = 1 << UInt64(lastBits)
        var (first, last) = band.wordRange(row: 0)
        for word in first...last { startWord(word, count1: s1.count) }
        let stride = band.wordsPerRow
        patternMatch.withUnsafeBufferPointer { match in
        verticalPositive.withUnsafeMutableBufferPointer { positive in
        verticalNegative.withUnsafeMutableBufferPointer { negative in
        scores.withUnsafeMutableBufferPointer { score in
            for row in 0..<rowCount {
                let range = band.wordRange(row: row)
                while last < range.last {
                    last += 1
                    positive[last] = ~0
                    negative[last] = 0
                    score[last] = score[last - 1] + Swift.min(64, s1.count - last * 64)
                }
                first = range.first
                let matchBase = Int(patternIndex[Int(s2[row])]) * words
                var positiveCarry: UInt64 = 1
                var negativeCarry: UInt64 = 0
                for word in first...last {
                    let x = match[matchBase + word] | negativeCarry
                    let vp = positive[word]
                    let vn = negative[word]
                    let d0 = (((x & vp) &+ vp) ^ vp) | x | vn
                    var hp = vn | ~(d0 | vp)
                    var hn = d0 & vp
                    let positiveOut: UInt64 = word < words - 1 ? hp >> 63 : (hp & lastMask) >> UInt64(lastBits)
                    let negativeOut: UInt64 = word < words - 1 ? hn >> 63 : (hn & lastMask) >> UInt64(lastBits)
                    hp = (hp << 1) | positiveCarry
                    hn = (hn << 1) | negativeCarry
                    positive[word] = hn | ~(d0 | hp)
                    negative[word] = hp & d0
                    score[word] += Int(positiveOut) - Int(negativeOut)
                    positiveCarry = positiveOut
                    negativeCarry = negativeOut
                }
                if record {
                    recordedFirstWord[row] = first
                    for word in first...last {
                        recordedPositive[row * stride + word - first] = positive[word]
                        recordedNegative[row * stride + word - first] = negative[word]
                    }
                }
            }
        }}}}
        bandFirstWord = first
        bandLastWord = last
    }

    private mutating func prepareStorage(words: Int, rows: Int, wordsPerRow: Int) {
        if verticalPositive.count < words {
            verticalPositive = [UInt64](repeating: 0, count: words)
            verticalNegative = [UInt64](repeating: 0, count: words)
            scores = [Int](repeating: 0, count: words)
        }
        let cells = rows * wordsPerRow
        if recordedPositive.count < cells {
            recordedPositive = [UInt64](repeating: 0, count: cells)
            recordedNegative = [UInt64](repeating: 0, count: cells)
        }
        if recordedFirstWord.count < rows { recordedFirstWord = [Int](repeating: 0, count: rows) }
    }

    /// Row 0 (no hypothesis token read): D[i] = i.
    private mutating func startWord(_ word: Int, count1: Int) {
        verticalPositive[word] = ~0
        verticalNegative[word] = 0
        scores[word] = Swift.min(64 * (word + 1), count1)
    }

    /// Reads a recorded vertical delta: +1 (`positive`) or −1 (`!positive`) at bit `bit` of row `row`.
    /// Outside the recorded band it answers as rapidfuzz's shifted matrix does (+1 set, −1 clear).
    func recordedBit(row: Int, bit: Int, positive: Bool, stride: Int) -> Bool {
        let word = bit >> 6
        let first = recordedFirstWord[row]
        guard word >= first, word < first + stride else { return positive }
        let vector = positive ? recordedPositive[row * stride + word - first] : recordedNegative[row * stride + word - first]
        return (vector >> UInt64(bit & 63)) & 1 == 1
    }
}
