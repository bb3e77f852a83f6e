/// Tokens with their prefix widths and break costs, so widths of any run are O(1).
package struct SegmentText: Sendable {
    package let tokens: [SegmentToken]
    /// Width of a space between tokens.
    package let spaceWidth: Double
    /// `prefix[k]`: width of tokens 0..<k including the spaces before tokens 1..<k.
    private let prefix: [Double]
    /// `breakCosts[k]`: cost of breaking between tokens k and k + 1.
    package let breakCosts: [Double]

    package init(tokens: [SegmentToken], characterWidth: CharacterWidth) {
        self.tokens = tokens
        spaceWidth = characterWidth.width(of: " ")
        var prefix = [0.0]
        prefix.reserveCapacity(tokens.count + 1)
        for (index, token) in tokens.enumerated() {
            let space = index > 0 && !token.attachesToPrevious ? spaceWidth : 0
            prefix.append(prefix[index] + space + token.width)
        }
        self.prefix = prefix
        breakCosts = tokens.indices.dropLast().map { BreakCost.between(tokens, at: $0) }
    }

    package var count: Int { tokens.count }

    /// Width of tokens first...last written on one line.
    package func width(_ first: Int, _ last: Int) -> Double {
        prefix[last + 1] - prefix[first] - spaceBefore(first)
    }

    /// Tokens first...last joined with spaces where they belong.
    package func text(_ first: Int, _ last: Int) -> String {
        var text = ""
        for index in first...last {
            if index > first && !tokens[index].attachesToPrevious { text += " " }
            text += tokens[index].text
        }
        return text
    }

    private func spaceBefore(_ index: Int) -> Double {
        index > 0 && !tokens[index].attachesToPrevious ? spaceWidth : 0
    }
}
