import Wire

extension Transcript {
    /// The words to combine: each segment's words, or, for a segment an engine gave no word
    /// timings for, its text split at whitespace with the segment's span shared out evenly and the
    /// segment's confidence on every word.
    package var timedWords: [Word] {
        var result: [Word] = []
        for segment in segments {
            guard segment.words.isEmpty else {
                result.append(contentsOf: segment.words)
                continue
            }
            let texts = segment.text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
            guard !texts.isEmpty else { continue }
            let step = max(0, segment.endSeconds - segment.startSeconds) / Double(texts.count)
            for (index, text) in texts.enumerated() {
                let start = segment.startSeconds + step * Double(index)
                result.append(Word(text: text, startSeconds: start, endSeconds: start + step, confidence: segment.confidence))
            }
        }
        return result
    }
}
