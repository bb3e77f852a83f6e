import Subtitles
import Testing
import Wire

@Suite("Segmentation properties over seeded random transcripts")
struct SegmenterPropertyTests {
    static let vocabulary = [
        "the", "a", "river", "and", "people", "who", "built", "it", "Maria", "historian", "changed", "course",
        "in", "winter", "families", "living", "on", "banks", "thank", "you", "for", "joining", "us", "tonight",
        "extraordinary", "we", "talk", "about", "history", "city", "harbour,", "again.", "really?", "yes!",
    ]
    static let chineseVocabulary = ["我们", "今天", "的", "城市", "历史，", "河流", "改道。", "她", "会", "告诉", "二十年", "为什么？", "1854年"]

    /// A transcript of `count` words at a natural pace with occasional long pauses.
    static func transcript(seed: UInt64, chinese: Bool) -> Transcript {
        var random = SeededGenerator(seed: seed)
        let vocabulary = chinese ? chineseVocabulary : vocabulary
        var words: [Word] = []
        var nowMs = random.below(3_000)
        for _ in 0..<(50 + random.below(300)) {
            let text = vocabulary[random.below(vocabulary.count)]
            let endMs = nowMs + 40 * text.count + random.below(200)
            words.append(Word(text: text, startSeconds: Double(nowMs) / 1_000, endSeconds: Double(endMs) / 1_000))
            nowMs = endMs + random.below(10) * random.below(10) * random.below(30) + random.below(150)
        }
        let segment = Segment(id: 0, startSeconds: words[0].startSeconds, endSeconds: words.last!.endSeconds, text: "", words: words)
        return Transcript(language: chinese ? "zh" : "en", durationSeconds: Double(nowMs) / 1_000 + 5, segments: [segment])
    }

    @Test("every word appears once, in order; cues are ordered; only reading speed may be too fast", arguments: 0..<40)
    func properties(seed: UInt64) {
        for (profile, chinese) in [(SubtitleProfile.netflixEnglish, false), (.netflixSimplifiedChinese, true)] {
            let transcript = Self.transcript(seed: seed, chinese: chinese)
            let cues = Segmenter(profile: profile).cues(for: transcript)
            let separator = chinese ? "" : " "
            #expect(cues.flatMap(\.lines).joined(separator: separator) == transcript.words.map(\.text).joined(separator: separator),
                    "seed \(seed)")
            let findings = Linter(profile: profile).lint(cues).filter { $0.rule != .readingSpeed }
            #expect(findings.isEmpty, "seed \(seed) \(profile.name): \(findings)")
        }
    }
}
