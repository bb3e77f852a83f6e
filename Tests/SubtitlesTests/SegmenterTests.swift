import Subtitles
import Testing
import Wire

@Suite("Segmentation")
struct SegmenterTests {
    @Test("English sample under Netflix English, as SRT")
    func englishSample() {
        let text = SRTWriter.write(Segmenter(profile: .netflixEnglish).document(for: SampleTranscripts.english))
        #expect(text == """
            1
            00:00:01,000 --> 00:00:03,417
            Good evening, and welcome to the show.

            2
            00:00:04,083 --> 00:00:07,792
            Tonight we are going to talk
            about the history of the city

            3
            00:00:07,875 --> 00:00:09,625
            and the people who built it.

            4
            00:00:10,333 --> 00:00:12,000
            My guest is Maria Gonzalez,

            5
            00:00:12,083 --> 00:00:16,125
            a historian who has spent twenty
            years studying the old harbour.

            6
            00:00:16,833 --> 00:00:21,417
            She will tell us why the river changed
            its course in the winter of 1854,

            7
            00:00:21,500 --> 00:00:25,125
            and what that meant
            for the families living on its banks.

            8
            00:00:25,792 --> 00:00:27,375
            Thank you for joining us.


            """)
    }

    @Test("English sample with three lines of 32 characters at 17 characters/s")
    func englishThreeLines() {
        var profile = SubtitleProfile.netflixEnglishChildren
        profile.lineCharactersMax = 32
        profile.linesMax = 3
        let cues = Segmenter(profile: profile).cues(for: SampleTranscripts.english)
        #expect(cues.map(\.lines) == [
            ["Good evening,", "and welcome to the show."],
            ["Tonight we are going to talk", "about the history of the city", "and the people who built it."],
            ["My guest is Maria Gonzalez,", "a historian who has spent twenty", "years studying the old harbour."],
            ["She will tell us why the river", "changed its course in the winter", "of 1854, and what that meant"],
            ["for the families living", "on its banks."],
            ["Thank you for joining us."],
        ])
        #expect(Linter(profile: profile).lint(cues).isEmpty)
    }

    @Test("Chinese sample under Netflix Simplified Chinese, as WebVTT: broken by characters, never before punctuation")
    func chineseSample() {
        var document = Segmenter(profile: .netflixSimplifiedChinese).document(for: SampleTranscripts.chinese)
        document.layout.finalBlankLine = false
        #expect(WebVTTWriter.write(document) == """
            WEBVTT

            00:00:01.000 --> 00:00:03.708
            大家好，欢迎收看今天的节目。

            00:00:04.375 --> 00:00:09.333
            今晚我们要聊一聊这座城市的历史，
            以及建造它的人们。

            00:00:10.000 --> 00:00:14.083
            我的嘉宾是一位研究
            老港口二十年的历史学家。

            00:00:14.708 --> 00:00:18.833
            她会告诉我们1854年
            冬天河流为什么改道。

            """)
    }

    @Test("segmented samples pass the lint of their own profile", arguments: [
        (SubtitleProfile.netflixEnglish, SampleTranscripts.english),
        (.netflixEnglishChildren, SampleTranscripts.english),
        (.netflixSimplifiedChinese, SampleTranscripts.chinese),
    ])
    func lintClean(profile: SubtitleProfile, transcript: Transcript) {
        #expect(Linter(profile: profile).lint(Segmenter(profile: profile).cues(for: transcript)).isEmpty)
    }

    @Test("a line never breaks between an article and its noun when another break fits")
    func articleStaysWithNoun() {
        let transcript = SampleTranscripts.timed(
            "Yesterday my brother bought the expensive car we saw".split(separator: " ").map(String.init), language: "en")
        #expect(Segmenter().cues(for: transcript).map(\.lines) == [["Yesterday my brother bought", "the expensive car we saw"]])
    }

    @Test("a line breaks after a comma or before a conjunction rather than in the middle")
    func naturalBreaks() {
        let words = "I wanted to stay for dinner with everyone, but the last train was leaving soon"
        let transcript = SampleTranscripts.timed(words.split(separator: " ").map(String.init), language: "en", msPerCharacter: 40)
        #expect(Segmenter().cues(for: transcript).map(\.lines) == [["I wanted to stay for dinner with everyone,", "but the last train was leaving soon"]])
    }

    @Test("when lines cannot be equal, the lower one is longer")
    func bottomHeavy() {
        var profile = SubtitleProfile.netflixEnglish
        profile.lineCharactersMax = 14
        let transcript = SampleTranscripts.timed(["aaaa", "bbbb", "cccc", "dddd", "eeee"], language: "en")
        #expect(Segmenter(profile: profile).cues(for: transcript).map(\.lines) == [["aaaa bbbb", "cccc dddd eeee"]])
    }

    @Test("line breaks and control characters inside engine words become spaces, so no cue line holds a line end")
    func controlCharactersInWords() {
        let transcript = SampleTranscripts.timed(["one\n\ntwo", "three\r\nfour", "five\t\u{1B}six"], language: "en")
        let document = Segmenter().document(for: transcript)
        #expect(document.cues.flatMap(\.lines) == ["one two three four five six"])
        #expect(SRTWriter.write(document) == "1\n00:00:01,000 --> 00:00:02,792\none two three four five six\n\n")
    }

    @Test("a word's time is shared out among its CJK pieces without overflow, however long and late", arguments: [
        (0, 10, 1, 3, 3), (1_000, 1_000, 5, 7, 1_000), (0, 3_600_000_000_000, 2_600_000, 3_000_000, 3_120_000_000_000),
        (3_600_000_000_000 - 1, 3_600_000_000_000, 3_000_000, 3_000_000, 3_600_000_000_000),
    ])
    func pieceTimes(startMs: Int, endMs: Int, part: Int, count: Int, expected: Int) {
        #expect(SegmentTokenizer.share(startMs, endMs, part, of: count) == expected)
    }

    @Test("a segment without word timings is split at CRLF too (one Character in Swift)")
    func crlfInSegmentText() {
        let segment = Segment(id: 0, startSeconds: 0, endSeconds: 2, text: "hello\r\nworld")
        let cues = Segmenter().cues(for: Transcript(language: "en", durationSeconds: 2, segments: [segment]))
        #expect(cues.flatMap(\.lines) == ["hello world"])
    }

    @Test("a word longer than a line is kept whole on its own line")
    func neverInsideAWord() {
        let long = String(repeating: "x", count: 50)
        let transcript = SampleTranscripts.timed(["see", long, "now"], language: "en", msPerCharacter: 10)
        #expect(Segmenter().cues(for: transcript).flatMap(\.lines) == ["see", long, "now"])
    }

    @Test("a long pause always ends a cue, and a short gap after it is closed to 2 frames")
    func pausesAndGaps() {
        let words = [
            Word(text: "Hello.", startSeconds: 1.0, endSeconds: 1.4),
            Word(text: "Again.", startSeconds: 3.0, endSeconds: 3.4),
            Word(text: "More.", startSeconds: 4.3, endSeconds: 4.6),
        ]
        let transcript = Transcript(language: "en", durationSeconds: 5, segments: [
            Segment(id: 0, startSeconds: 1, endSeconds: 4.6, text: "Hello. Again. More.", words: words),
        ])
        let cues = Segmenter().cues(for: transcript)
        #expect(cues.map(\.lines) == [["Hello."], ["Again."], ["More."]])
        // 20-frame minimum duration; "Again." runs to 2 frames before "More." (gap of 12 frames closed).
        #expect(cues.map(\.startMs) == [1_000, 3_000, 4_292])
        #expect(cues.map(\.endMs) == [1_833, 4_208, 5_125])
    }

    @Test("the last cue stays long enough to read, but not past the end of the media", arguments: [
        (10.0, 3_125), (2.5, 2_500), (1.2, 2_000),
    ])
    func mediaEnd(durationSeconds: Double, endMs: Int) {
        let text = "This is a fairly long sentence for reading."
        let transcript = Transcript(language: "en", durationSeconds: durationSeconds, segments: [
            Segment(id: 0, startSeconds: 1, endSeconds: 2, text: text),
        ])
        #expect(Segmenter().cues(for: transcript).map(\.endMs) == [endMs])
    }

    @Test("segments without word timings are split evenly by length")
    func segmentWithoutWords() {
        let transcript = Transcript(language: "en", durationSeconds: 4, segments: [
            Segment(id: 0, startSeconds: 0, endSeconds: 3, text: "No word times here"),
        ])
        let cues = Segmenter().cues(for: transcript)
        #expect(cues == [Cue(startMs: 0, endMs: 3_000, lines: ["No word times here"])])
    }

    @Test("the same transcript always gives the same cues")
    func deterministic() {
        let first = Segmenter(profile: .netflixSimplifiedChinese).cues(for: SampleTranscripts.chinese)
        for _ in 0..<3 { #expect(Segmenter(profile: .netflixSimplifiedChinese).cues(for: SampleTranscripts.chinese) == first) }
    }

    @Test("an empty transcript gives no cues")
    func empty() {
        #expect(Segmenter().cues(for: Transcript(language: "en", durationSeconds: 0, segments: [])).isEmpty)
    }
}
