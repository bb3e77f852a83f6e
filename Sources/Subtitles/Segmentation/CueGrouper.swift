/// Chooses where cues start and end by dynamic programming over token positions: a cue must fit the
/// profile's lines and width, last no longer than its maximum, and not span a long pause; the total cost
/// (a constant per cue, the cost of each cue boundary, and each cue's line layout) is minimal.
/// Ties keep the earliest found choice, so the result is deterministic.
package struct CueGrouper: Sendable {
    package let text: SegmentText
    package let breaker: LineBreaker
    package let durationMsMax: Int
    package let pauseMsBreak: Int

    /// Cost of each cue, so fewer, fuller cues win unless a better boundary is near.
    package static let cueCost = 30.0
    /// Cost of each sentence that ends inside a cue rather than at its end.
    package static let innerSentenceEndCost = 30.0
    /// A pause at least this long makes any boundary a good one.
    package static let pauseMsNatural = 500
    /// Cap on a boundary's cost, so a forced boundary (before a long pause) is always possible.
    package static let boundaryCostMax = 50.0
    /// Added when a single token cannot be laid out within the limits.
    package static let overflowCost = 1_000.0

    /// One cue: its token range and line ranges.
    package struct Group: Sendable, Hashable {
        package var tokens: ClosedRange<Int>
        package var lines: [ClosedRange<Int>]
    }

    package func groups() -> [Group] {
        let count = text.count
        guard count > 0 else { return [] }
        var best = Array(repeating: Double.infinity, count: count + 1)
        var choice = Array(repeating: Group(tokens: 0...0, lines: []), count: count + 1)
        best[0] = 0
        for last in 0..<count {
            let boundary = boundaryCost(after: last) * LineBreaker.breakWeight
            var innerSentenceEnds = 0.0
            for first in stride(from: last, through: 0, by: -1) {
                if first < last && !canExtend(first, last) { break }
                if first < last && text.breakCosts[first] == 0 { innerSentenceEnds += 1 }
                guard best[first].isFinite else { continue }
                var layout = breaker.layout(first, last)
                if layout == nil && first == last { layout = (breaker.overflowing(first, last), Self.overflowCost) }
                guard let layout else { continue }
                let cost = best[first] + Self.cueCost + boundary + layout.cost + innerSentenceEnds * Self.innerSentenceEndCost
                if cost < best[last + 1] {
                    best[last + 1] = cost
                    choice[last + 1] = Group(tokens: first...last, lines: layout.lines)
                }
            }
        }
        var groups: [Group] = []
        var end = count
        while end > 0 {
            let group = choice[end]
            groups.append(group)
            end = group.tokens.lowerBound
        }
        return groups.reversed()
    }

    /// Whether tokens first...last may share a cue (checked as `first` moves back, so each failure is final).
    private func canExtend(_ first: Int, _ last: Int) -> Bool {
        let tokens = text.tokens
        guard text.width(first, last) <= breaker.lineWidthMax * Double(breaker.linesMax) + text.spaceWidth else { return false }
        guard tokens[last].endMs - tokens[first].startMs <= durationMsMax else { return false }
        return tokens[first + 1].startMs - tokens[first].endMs < pauseMsBreak
    }

    private func boundaryCost(after index: Int) -> Double {
        guard index + 1 < text.count else { return 0 }
        let pauseMs = text.tokens[index + 1].startMs - text.tokens[index].endMs
        let cost = min(text.breakCosts[index], Self.boundaryCostMax)
        return pauseMs >= Self.pauseMsNatural ? min(cost, 1) : cost
    }
}
