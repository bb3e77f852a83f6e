import Subtitles
import Testing

@Suite("Lint")
struct LintTests {
    /// One seeded violation per cue, in rule order; the last cue is clean.
    static let seeded = """
        1
        00:00:01,000 --> 00:00:05,000
        This subtitle line is much longer than the limit.

        2
        00:00:06,000 --> 00:00:09,000
        One
        Two
        Three

        3
        00:00:10,000 --> 00:00:10,500
        Short.

        4
        00:00:11,500 --> 00:00:19,000
        Long.

        5
        00:00:20,000 --> 00:00:21,000
        This sentence is read far too fast.

        6
        00:00:21,042 --> 00:00:23,000
        Close behind.

        7
        00:00:23,500 --> 00:00:25,500
        Gap to close.

        8
        00:00:25,000 --> 00:00:27,000
        Overlapping.

        9
        00:00:24,000 --> 00:00:27,500
        Out of order.

        10
        00:00:30,000 --> 00:00:32,000
        All good here.

        """

    @Test("every seeded violation is found, and nothing else")
    func seededViolations() throws {
        let cues = try SRTParser.parse(Self.seeded).cues
        let findings = Linter(profile: .netflixEnglish).lint(cues)
        #expect(findings.map(\.description) == [
            "cue 1 line 1: netflix.chars-per-line: measured 49 characters, allowed ≤ 42",
            "cue 2: netflix.max-lines: measured 3 lines, allowed ≤ 2",
            "cue 3: netflix.min-duration: measured 12 frames, allowed ≥ 20",
            "cue 4: netflix.max-duration: measured 180 frames, allowed ≤ 168",
            "cue 5: netflix.reading-speed: measured 35 characters/s, allowed ≤ 20",
            "cue 6: netflix.min-gap: measured 1 frames, allowed ≥ 2",
            "cue 7: netflix.close-gap: measured 12 frames, allowed = 2 or ≥ 13",
            "cue 8: cue.overlap: measured 25000 ms, allowed ≥ 25500",
            "cue 9: cue.ordering: measured 24000 ms, allowed ≥ 25000",
        ])
        #expect(findings.map(\.rule) == [
            .charsPerLine, .maxLines, .minDuration, .maxDuration, .readingSpeed, .minGap, .closeGap, .overlap, .ordering,
        ])
    }

    @Test("the same cues read from WebVTT give the same findings")
    func webVTTSameFindings() throws {
        let srt = try SRTParser.parse(Self.seeded)
        var document = SubtitleDocument(cues: srt.cues.map { Cue(startMs: $0.startMs, endMs: $0.endMs, lines: $0.lines) })
        document.layout.finalBlankLine = false
        let vtt = try WebVTTParser.parse(WebVTTWriter.write(document))
        #expect(Linter(profile: .netflixEnglish).lint(vtt.cues) == Linter(profile: .netflixEnglish).lint(srt.cues))
    }

    @Test("the children's profile reads slower: 18 characters per second is a finding only there")
    func childrenReadingSpeed() {
        let cues = [Cue(startMs: 0, endMs: 1_000, lines: ["Eighteen chars ok."])]
        #expect(Linter(profile: .netflixEnglish).lint(cues).isEmpty)
        #expect(Linter(profile: .netflixEnglishChildren).lint(cues).map(\.description) == [
            "cue 1: netflix.reading-speed: measured 18 characters/s, allowed ≤ 17",
        ])
    }

    @Test("gaps: 2 frames and 13 frames are clean, 0 and 1 too small, 3 to 12 should be closed", arguments: [
        (0, "min-gap"), (1, "min-gap"), (2, nil), (3, "close-gap"), (12, "close-gap"), (13, nil), (48, nil),
    ] as [(Int, String?)])
    func gapBoundaries(gapFrames: Int, rule: String?) {
        let rate = FrameRate.fps24
        let cues = [
            Cue(startMs: 0, endMs: rate.ms(atFrame: 24), lines: ["A"]),
            Cue(startMs: rate.ms(atFrame: 24 + gapFrames), endMs: rate.ms(atFrame: 72 + gapFrames), lines: ["B"]),
        ]
        let found = Linter(profile: .netflixEnglish).lint(cues).map { $0.rule.description }
        #expect(found == (rule.map { [$0] } ?? []))
    }

    @Test("durations: 20 frames is the minimum at 24 fps and 21 at 25 fps (5/6 s rounded up)", arguments: [
        (FrameRate.fps24, 19, true), (.fps24, 20, false), (.fps24, 168, false), (.fps24, 169, true),
        (.fps25, 20, true), (.fps25, 21, false), (.fps25, 175, false), (.fps25, 176, true),
        (.fps23_976, 20, false), (.fps23_976, 167, false), (.fps23_976, 168, true),
    ])
    func durationBoundaries(rate: FrameRate, frames: Int, violates: Bool) {
        var profile = SubtitleProfile.netflixEnglish
        profile.frameRate = rate
        let cues = [Cue(startMs: rate.ms(atFrame: 100), endMs: rate.ms(atFrame: 100 + frames), lines: ["A"])]
        #expect(!Linter(profile: profile).lint(cues).isEmpty == violates)
    }

    @Test("Chinese lines count half-width characters as half")
    func chineseWidths() {
        let lines = ["这是一行有十六个字的中文字幕对吧", "这是一行有十六个字的中文字幕对吧呀", "ABCDEFGHIJK这是一行有十一个字啊呀"]
        let cues = lines.enumerated().map { Cue(startMs: $0.offset * 6_000, endMs: $0.offset * 6_000 + 5_000, lines: [$0.element]) }
        #expect(Linter(profile: .netflixSimplifiedChinese).lint(cues).map(\.description) == [
            "cue 2 line 1: netflix.chars-per-line: measured 17 characters, allowed ≤ 16",
            "cue 3 line 1: netflix.chars-per-line: measured 16.5 characters, allowed ≤ 16",
        ])
    }

    @Test("a reading speed with a fraction is reported to two decimals")
    func fractionalSpeed() {
        let cues = [Cue(startMs: 0, endMs: 1_250, lines: ["Twenty-seven characters ok."])]
        let findings = Linter(profile: .netflixEnglish).lint(cues)
        #expect(findings.map(\.measured) == [21.6])
        #expect(findings.map(\.description) == ["cue 1: netflix.reading-speed: measured 21.6 characters/s, allowed ≤ 20"])
    }
}
