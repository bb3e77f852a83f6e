import Wire

/// Turns transcript words into tokens: trims them, turns line breaks, tabs and other control characters
/// inside them into single spaces (a line break in cue text would end an SRT cue), drops empty ones, splits words containing CJK
/// characters into one token per wide character (runs of narrow characters stay together) with times
/// shared out evenly, and decides where spaces go.
package enum SegmentTokenizer {
    package static func tokens(_ words: [Word], width: CharacterWidth) -> [SegmentToken] {
        var tokens: [SegmentToken] = []
        for word in words {
            let text = word.text.withoutControlCharacters().trimmingWhitespace()
            guard !text.isEmpty else { continue }
            let startMs = Timestamp.milliseconds(fromSeconds: word.startSeconds)
            let endMs = max(startMs, Timestamp.milliseconds(fromSeconds: word.endSeconds))
            let pieces = pieces(of: text)
            for (position, piece) in pieces.enumerated() {
                let pieceStart = share(startMs, endMs, position, of: pieces.count)
                let pieceEnd = share(startMs, endMs, position + 1, of: pieces.count)
                let attaches = position > 0 || tokens.last.map { attachesTo(piece, after: $0.text) } ?? true
                tokens.append(SegmentToken(
                    text: piece, startMs: pieceStart, endMs: pieceEnd, width: width.width(of: piece),
                    attachesToPrevious: attaches, continuesWord: position > 0))
            }
        }
        return tokens
    }

    /// The time `part`/`count` of the way from `startMs` to `endMs` (0 ≤ part ≤ count), rounded down.
    /// Full-width arithmetic: a long word far into the media (span × part past `Int.max`) cannot overflow.
    package static func share(_ startMs: Int, _ endMs: Int, _ part: Int, of count: Int) -> Int {
        let product = (endMs - startMs).multipliedFullWidth(by: part)
        return startMs + count.dividingFullWidth(product).quotient
    }

    /// Each wide character alone; runs of other characters together.
    private static func pieces(of word: String) -> [String] {
        guard word.contains(where: CharacterWidth.isWide) else { return [word] }
        var pieces: [String] = []
        var run = ""
        for character in word {
            if CharacterWidth.isWide(character) {
                if !run.isEmpty { pieces.append(run); run = "" }
                pieces.append(String(character))
            } else {
                run.append(character)
            }
        }
        if !run.isEmpty { pieces.append(run) }
        return pieces
    }

    /// No space before closing punctuation or a contraction (`'s`), after opening punctuation,
    /// or next to a wide character.
    private static func attachesTo(_ piece: String, after previous: String) -> Bool {
        guard let first = piece.first, let last = previous.last else { return true }
        if CharacterWidth.isWide(first) || CharacterWidth.isWide(last) { return true }
        if BreakWords.closing.contains(first) { return true }
        if BreakWords.opening.contains(last) { return true }
        return isContraction(piece)
    }

    /// `'s`, `’ll`: an apostrophe and letters, written against the previous word.
    package static func isContraction(_ piece: String) -> Bool {
        guard let first = piece.first, first == "'" || first == "\u{2019}" else { return false }
        return ["s", "t", "re", "ve", "ll", "d", "m"].contains(piece.dropFirst().lowercased())
    }
}

extension String {
    /// Control characters (C0, C1) and line or paragraph separators as spaces, runs of spaces they make
    /// collapsed to one; the text itself when it has none.
    package func withoutControlCharacters() -> String {
        func isControl(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
        }
        guard unicodeScalars.contains(where: isControl) else { return self }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if !isControl(scalar) {
                scalars.append(scalar)
            } else if scalars.last != " " {
                scalars.append(" ")
            }
        }
        return String(scalars)
    }

    package func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
