import Testing
import Wire

@Suite("Transcript model")
struct TranscriptTests {
    @Test("words and text flatten segments in order")
    func flatten() {
        let t = Transcript(language: "en", durationSeconds: 2, segments: [
            Segment(id: 0, startSeconds: 0, endSeconds: 1, text: "hello there",
                    words: [Word(text: "hello", startSeconds: 0, endSeconds: 0.5),
                            Word(text: "there", startSeconds: 0.5, endSeconds: 1)]),
            Segment(id: 1, startSeconds: 1, endSeconds: 2, text: "friend",
                    words: [Word(text: "friend", startSeconds: 1, endSeconds: 2)]),
        ])
        #expect(t.words.map(\.text) == ["hello", "there", "friend"])
        #expect(t.text == "hello there friend")
    }
}
