import Aggregation
import Testing
import Wire

@Suite("Transcripts without word timings")
struct UntimedTranscriptTests {
    @Test("a segment without words is split evenly and still votes")
    func untimed() throws {
        let untimed = Transcript(language: "en", durationSeconds: 3, segments: [
            Segment(id: 0, startSeconds: 0, endSeconds: 1.5, text: "the quick brown", confidence: 0.6),
        ])
        let words = untimed.timedWords
        #expect(words.map(\.text) == ["the", "quick", "brown"])
        #expect(words.map(\.startSeconds) == [0, 0.5, 1.0])
        #expect(words.map(\.confidence) == [0.6, 0.6, 0.6])
        let timed = CombinationFixtures.transcript(CombinationFixtures.positioned("the quack brown"), shiftSeconds: 0, confidence: 0.9)
        let merged = try ROVER.combine([timed, untimed, untimed])
        #expect(merged.text == "the quick brown")
    }
}
