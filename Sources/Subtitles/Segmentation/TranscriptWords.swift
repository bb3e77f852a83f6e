import Wire

/// The words of a transcript; a segment without word timings is split on whitespace (and into characters
/// for CJK text) with its time shared out in proportion to length.
package enum TranscriptWords {
    package static func words(of transcript: Transcript) -> [Word] {
        var words: [Word] = []
        for segment in transcript.segments {
            if !segment.words.isEmpty {
                words += segment.words
            } else {
                words += estimated(segment)
            }
        }
        return words
    }

    private static func estimated(_ segment: Segment) -> [Word] {
        // Character.isNewline: `\r\n` is one Character, so comparing with "\n" would miss it.
        let pieces = segment.text.split { $0 == " " || $0 == "\t" || $0.isNewline }.map(String.init)
        let total = pieces.reduce(0) { $0 + $1.count }
        guard total > 0 else { return [] }
        let span = max(0, segment.endSeconds - segment.startSeconds)
        var offset = 0
        return pieces.map { piece in
            let start = segment.startSeconds + span * Double(offset) / Double(total)
            offset += piece.count
            return Word(text: piece, startSeconds: start, endSeconds: segment.startSeconds + span * Double(offset) / Double(total))
        }
    }
}
