/// How bad it is to break a line, or end a cue, between two tokens. 0 is ideal; `forbidden` never happens.
package enum BreakCost {
    package static let forbidden = Double.infinity

    /// The cost of breaking between `tokens[index]` and `tokens[index + 1]`.
    package static func between(_ tokens: [SegmentToken], at index: Int) -> Double {
        let before = tokens[index]
        let after = tokens[index + 1]
        if SegmentTokenizer.isContraction(after.text) { return forbidden }
        if let last = before.text.last, BreakWords.opening.contains(last) { return forbidden }
        if let first = after.text.first, BreakWords.closing.contains(first) { return forbidden }
        let ending = before.text.reversed().drop { BreakWords.closingQuotes.contains($0) }.first
        if let ending, BreakWords.sentenceEnd.contains(ending) { return 0 }
        if let ending, BreakWords.clauseEnd.contains(ending) { return 1 }
        if after.continuesWord { return 8 }
        if isWide(before) || isWide(after) { return 3 }
        let beforeKey = BreakWords.key(before.text)
        let afterKey = BreakWords.key(after.text)
        if BreakWords.determiners.contains(beforeKey) { return 20 }
        if isName(before.text), isName(after.text) { return 10 }
        if BreakWords.prepositions.contains(beforeKey) { return 8 }
        if BreakWords.conjunctions.contains(afterKey) || BreakWords.prepositions.contains(afterKey) { return 2 }
        return 4
    }

    private static func isWide(_ token: SegmentToken) -> Bool {
        token.text.first.map(CharacterWidth.isWide) ?? false
    }

    /// Capitalised and not the pronoun `I`: likely part of a name.
    private static func isName(_ text: String) -> Bool {
        guard let first = text.first, first.isUppercase else { return false }
        return text != "I" && !text.hasPrefix("I'")
    }
}
