/// Lays a run of tokens out in as few lines as fit (one if possible), choosing breaks at natural points,
/// balanced, and bottom-heavy when the lines cannot be equal.
package struct LineBreaker: Sendable {
    package let text: SegmentText
    package let lineWidthMax: Double
    package let linesMax: Int
    /// Weight of a break's cost against one character of imbalance.
    package static let breakWeight = 10.0
    /// How much more a too-long upper line costs than a too-long lower line.
    package static let topHeavyFactor = 1.5
    /// Weight of one character of deviation from equal line widths.
    package static let imbalanceWeight = 0.5

    /// Line ranges (first, last token) and their cost, or nil when no layout fits.
    package func layout(_ first: Int, _ last: Int) -> (lines: [ClosedRange<Int>], cost: Double)? {
        let total = text.width(first, last)
        if total <= lineWidthMax { return ([first...last], 0) }
        guard linesMax >= 2 else { return nil }
        for lineCount in 2...linesMax where total <= lineWidthMax * Double(lineCount) + text.spaceWidth * Double(lineCount - 1) {
            let found = lineCount == 2 ? twoLines(first, last, total: total) : manyLines(first, last, lineCount, total: total)
            if let found { return found }
        }
        return nil
    }

    /// Greedy filling that may overflow: for a single token wider than a line.
    package func overflowing(_ first: Int, _ last: Int) -> [ClosedRange<Int>] {
        var lines: [ClosedRange<Int>] = []
        var start = first
        for index in first...last where index > start && text.width(start, index) > lineWidthMax {
            lines.append(start...(index - 1))
            start = index
        }
        lines.append(start...last)
        return lines
    }

    private func lineCost(_ first: Int, _ last: Int, isLast: Bool, target: Double) -> Double {
        let width = text.width(first, last)
        let deviation = abs(width - target) * Self.imbalanceWeight
        return !isLast && width > target ? deviation * Self.topHeavyFactor : deviation
    }

    private func twoLines(_ first: Int, _ last: Int, total: Double) -> (lines: [ClosedRange<Int>], cost: Double)? {
        let target = total / 2
        var best: (lines: [ClosedRange<Int>], cost: Double)?
        for split in first..<last where text.breakCosts[split].isFinite {
            guard text.width(first, split) <= lineWidthMax, text.width(split + 1, last) <= lineWidthMax else { continue }
            let cost = text.breakCosts[split] * Self.breakWeight
                + lineCost(first, split, isLast: false, target: target)
                + lineCost(split + 1, last, isLast: true, target: target)
            if best == nil || cost < best!.cost { best = ([first...split, (split + 1)...last], cost) }
        }
        return best
    }

    /// Dynamic programme over (lines used, next line's first token).
    private func manyLines(_ first: Int, _ last: Int, _ lineCount: Int, total: Double) -> (lines: [ClosedRange<Int>], cost: Double)? {
        let target = total / Double(lineCount)
        let size = last - first + 2
        var cost = Array(repeating: Array(repeating: Double.infinity, count: size), count: lineCount + 1)
        var back = Array(repeating: Array(repeating: -1, count: size), count: lineCount + 1)
        cost[0][0] = 0
        for line in 1...lineCount {
            let isLast = line == lineCount
            for end in 1..<size where !isLast || end == size - 1 {
                // Latest start first: once a line is too wide, every earlier start is wider still.
                for start in stride(from: end - 1, through: 0, by: -1) {
                    guard text.width(first + start, first + end - 1) <= lineWidthMax else { break }
                    guard cost[line - 1][start].isFinite else { continue }
                    let breakCost = start > 0 ? text.breakCosts[first + start - 1] * Self.breakWeight : 0
                    guard breakCost.isFinite else { continue }
                    let total = cost[line - 1][start] + breakCost
                        + lineCost(first + start, first + end - 1, isLast: isLast, target: target)
                    // `<=` while walking down keeps the earliest start among equal costs, as before.
                    if total <= cost[line][end] { cost[line][end] = total; back[line][end] = start }
                }
            }
        }
        guard cost[lineCount][size - 1].isFinite else { return nil }
        var lines: [ClosedRange<Int>] = []
        var end = size - 1
        for line in stride(from: lineCount, through: 1, by: -1) {
            let start = back[line][end]
            lines.insert((first + start)...(first + end - 1), at: 0)
            end = start
        }
        return (lines, cost[lineCount][size - 1])
    }
}
