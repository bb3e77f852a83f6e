/// The smallest unit the segmenter places: a word, or one character of a CJK word.
package struct SegmentToken: Sendable, Hashable {
    package var text: String
    package var startMs: Int
    package var endMs: Int
    /// Width as the profile counts it.
    package var width: Double
    /// Written without a space before it (closing punctuation, CJK, a piece of the same word).
    package var attachesToPrevious: Bool
    /// A piece of the same transcript word as the previous token (CJK words split into characters).
    package var continuesWord: Bool

    package init(text: String, startMs: Int, endMs: Int, width: Double, attachesToPrevious: Bool, continuesWord: Bool) {
        self.text = text
        self.startMs = startMs
        self.endMs = endMs
        self.width = width
        self.attachesToPrevious = attachesToPrevious
        self.continuesWord = continuesWord
    }
}
