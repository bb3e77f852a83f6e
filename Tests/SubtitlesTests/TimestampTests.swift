import Subtitles
import Testing

@Suite("Timestamps")
struct TimestampTests {
    @Test("SRT timestamps are zero-padded, with hours beyond 99 taking more digits", arguments: [
        (0, "00:00:00,000"),
        (1, "00:00:00,001"),
        (59_999, "00:00:59,999"),
        (60_000, "00:01:00,000"),
        (3_599_999, "00:59:59,999"),
        (3_600_000, "01:00:00,000"),
        (359_999_999, "99:59:59,999"),
        (360_000_000, "100:00:00,000"),
        (3_600_000_000, "1000:00:00,000"),
    ])
    func srt(ms: Int, text: String) {
        #expect(Timestamp.srt(ms) == text)
    }

    @Test("WebVTT timestamps use a dot and may leave out zero hours", arguments: [
        (0, true, "00:00:00.000"),
        (0, false, "00:00.000"),
        (61_500, false, "01:01.500"),
        (3_600_000, false, "01:00:00.000"),
        (360_000_000, true, "100:00:00.000"),
    ])
    func webVTT(ms: Int, hoursAlways: Bool, text: String) {
        #expect(Timestamp.webVTT(ms, hoursAlways: hoursAlways) == text)
    }

    @Test("seconds round half up on their decimal spelling", arguments: [
        (0.0, 0),
        (-1.0, 0),
        (0.0005, 1),
        (0.0004, 0),
        (59.9994, 59_999),
        (59.9995, 60_000),
        (1.25, 1_250),
        (3600.0, 3_600_000),
        (360_000.0, 360_000_000),
        (1e-05, 0),
    ])
    func secondsToMilliseconds(seconds: Double, ms: Int) {
        #expect(Timestamp.milliseconds(fromSeconds: seconds) == ms)
    }

    @Test("59.9995 s is written as one minute")
    func roundingReachesTheNextMinute() {
        #expect(Timestamp.srt(Timestamp.milliseconds(fromSeconds: 59.9995)) == "00:01:00,000")
    }
}

@Suite("Extreme times")
struct ExtremeTimeTests {
    @Test("huge and non-finite seconds are clamped, not trapped", arguments: [
        (1e16, 3_600_000_000_000), (Double.infinity, 3_600_000_000_000), (Double.nan, 0), (-Double.infinity, 0),
    ])
    func clamped(seconds: Double, ms: Int) {
        #expect(Timestamp.milliseconds(fromSeconds: seconds) == ms)
    }

    @Test("frame arithmetic stays exact for the largest SRT times")
    func largeFrames() throws {
        let ms = try SRTParser.parse("1\n999999999:59:59,999 --> 999999999:59:59,999\nA\n").cues[0].startMs
        #expect(ms == 3_599_999_999_999_999)
        #expect(FrameRate.fps24.frame(atMs: ms) == 86_400_000_000_000)
        #expect(FrameRate(1_000_000, per: 1_001).frame(atMs: ms) == 3_596_403_596_403_595)
        #expect(Linter(profile: .netflixEnglish).lint([Cue(startMs: 0, endMs: ms, lines: ["A"])]).map(\.rule) == [.maxDuration])
    }
}
