import Wire

/// Word-timed transcripts for ROVER and comparison tests: word i of the reference sits at
/// i × 0.5 s and lasts 0.4 s; engines shift their times by a few milliseconds.
enum CombinationFixtures {
    static let reference = "the quick brown fox jumps over the lazy dog near the river bank"

    /// Builds a transcript from (word, reference position) pairs; the position sets the time
    /// (fractional positions for inserted words).
    /// Words the engines got wrong; they carry confidence 0.4, the others `confidence`.
    static let errors: Set<String> = ["quack", "uh", "liver", "tank"]

    static func transcript(_ words: [(String, Double)], shiftSeconds: Double, confidence: Double? = nil) -> Transcript {
        let timed = words.map { text, position in
            Word(
                text: text, startSeconds: position * 0.5 + shiftSeconds, endSeconds: position * 0.5 + 0.4 + shiftSeconds,
                confidence: confidence.map { errors.contains(text) ? 0.4 : $0 })
        }
        let segment = Segment(
            id: 0, startSeconds: timed.first?.startSeconds ?? 0, endSeconds: timed.last?.endSeconds ?? 0,
            text: timed.map(\.text).joined(separator: " "), words: timed)
        return Transcript(language: "en", durationSeconds: 7, segments: [segment])
    }

    static func positioned(_ text: String) -> [(String, Double)] {
        text.split(separator: " ").enumerated().map { (String($1), Double($0)) }
    }

    /// Three engines with complementary errors (two errors each, never in the same place), the
    /// wrong words with low confidence.
    static var engines: [Transcript] {
        var a = positioned(reference)
        a[1].0 = "quack"
        a.remove(at: 7)  // lazy
        var b = positioned(reference)
        b.insert(("uh", 3.5), at: 4)
        b[12].0 = "liver"  // river (index shifted by the insertion)
        var c = positioned(reference)
        c[12].0 = "tank"
        c.remove(at: 2)  // brown
        return [
            transcript(a, shiftSeconds: 0.00, confidence: 0.9),
            transcript(b, shiftSeconds: 0.02, confidence: 0.8),
            transcript(c, shiftSeconds: -0.01, confidence: 0.7),
        ]
    }
}
