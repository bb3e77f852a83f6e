import Subtitles
import Testing

@Suite("WebVTT reading and writing")
struct WebVTTTests {
    static let wellFormed = """
        WEBVTT - Episode 1
        Kind: captions

        STYLE
        ::cue { color: yellow }

        REGION
        id:bottom width:40% lines:3

        NOTE opening remarks
        span two lines

        intro
        00:00:01.000 --> 00:00:04.000 line:-2 position:10%,line-left size:80% align:start
        <v Roger>Fish &amp; chips</v> &lt;3
        cost &#163;4 &gt; &#x24;5

        00:00:05.000 --> 00:00:06.500 region:bottom
        <i>whispers</i>

        NOTE between cues

        01:00:00.000 --> 100:00:00.000 vertical:rl
        Long &lrm;one&nbsp;here

        """

    @Test("a well-formed file survives parse and write byte for byte", arguments: [
        wellFormed,
        wellFormed + "\n",
        wellFormed.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n"),
        "\u{FEFF}WEBVTT\n\n00:01.000 --> 00:02.000\nshort hours\n",
        "WEBVTT\n",
        "WEBVTT",
        "WEBVTT\n\nNOTE\n",
        String(wellFormed.dropLast()),
        "WEBVTT\tTab header\n\n1\n00:00.000 --> 00:00.001\n",
    ])
    func roundTrip(text: String) throws {
        #expect(WebVTTWriter.write(try WebVTTParser.parse(text)) == text)
    }

    @Test("parsing yields identifiers, times, settings, decoded plain text and blocks")
    func parsesEverything() throws {
        let document = try WebVTTParser.parse(Self.wellFormed)
        #expect(document.webVTTSignatureSuffix == " - Episode 1")
        #expect(document.webVTTHeaderLines == ["Kind: captions"])
        #expect(document.webVTTBlocks.map(\.kind) == [.style, .region, .note, .note])
        #expect(document.webVTTBlocks.map(\.cuesBefore) == [0, 0, 0, 2])
        #expect(document.webVTTBlocks[2].lines == ["NOTE opening remarks", "span two lines"])
        let first = document.cues[0]
        #expect(first.identifier == "intro")
        #expect(first.startMs == 1_000 && first.endMs == 4_000)
        #expect(first.settings.line == "-2")
        #expect(first.settings.position == "10%,line-left")
        #expect(first.settings.size == "80%")
        #expect(first.settings.align == "start")
        #expect(first.lines == ["Fish & chips <3", "cost £4 > $5"])
        #expect(document.cues[1].settings.region == "bottom")
        #expect(document.cues[1].identifier == nil)
        #expect(document.cues[2].startMs == 3_600_000 && document.cues[2].endMs == 360_000_000)
        #expect(document.cues[2].settings.vertical == "rl")
        #expect(document.cues[2].lines == ["Long \u{200E}one\u{00A0}here"])
    }

    @Test("invalid settings are dropped as the W3C algorithm does")
    func invalidSettings() throws {
        let text = "WEBVTT\n\n00:01.000 --> 00:02.000 vertical:up line:5%,top position:101% size:x align:middle :x y: z line:3\nA\n"
        let cue = try WebVTTParser.parse(text).cues[0]
        var expected = CueSettings()
        expected.line = "3"
        #expect(cue.settings == expected)
    }

    @Test("hours are optional and MM:SS.mmm means minutes", arguments: [
        ("00:01.500", 1_500),
        ("59:59.999", 3_599_999),
        ("60:00.000", 0),
        ("1:00:00.000", 3_600_000),
        ("00:00:01.000", 1_000),
        ("123:00:00.000", 442_800_000),
    ])
    func timestamps(text: String, ms: Int) throws {
        let file = "WEBVTT\n\n\(text) --> 999:00:00.000\nA\n"
        if text == "60:00.000" {
            // 60 is read as hours (it is over 59), so a second colon is required.
            #expect(throws: SubtitleError.self) { try WebVTTParser.parse(file) }
        } else {
            #expect(try WebVTTParser.parse(file).cues[0].startMs == ms)
        }
    }

    @Test("a cue directly after another without a blank line is still a cue (W3C)")
    func cueWithoutBlankLine() throws {
        let document = try WebVTTParser.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n00:03.000 --> 00:04.000\nB\n")
        #expect(document.cues.map(\.lines) == [["A"], ["B"]])
    }

    @Test("errors name their code, line and column", arguments: [
        ("", "missing_signature", 1, 1),
        ("WEBVT\n", "missing_signature", 1, 6),
        ("WEBVTTX\n", "missing_signature", 1, 7),
        ("webvtt\n", "missing_signature", 1, 1),
        ("WEBVTT\n\n00:01.000 -> 00:02.000\nA\n", "missing_arrow", 3, 11),
        ("WEBVTT\n\n00:01.000 --> 00:02.00\nA\n", "bad_timestamp", 3, 21),
        ("WEBVTT\n\n00:61.000 --> 00:02.000\nA\n", "bad_timestamp", 3, 1),
        ("WEBVTT\n\nid\n00:01,000 --> 00:02.000\nA\n", "bad_timestamp", 4, 6),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nA\nB --> C\n", "arrow_in_cue_text", 5, 3),
        ("WEBVTT\n\nhello\nworld\n", "unexpected_block", 3, 1),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nA\n\nSTYLE\n::cue {}\n", "block_after_cue", 6, 1),
        ("WEBVTT\n\nNOTES\nx\n", "unexpected_block", 3, 1),
    ])
    func errors(text: String, code: String, line: Int, column: Int) {
        #expect {
            try WebVTTParser.parse(text)
        } throws: { error in
            guard let error = error as? SubtitleError else { return false }
            return error.code.id == code && error.line == line && error.column == column
        }
    }

    @Test("generated cues are escaped so no markup or arrow reaches the file")
    func escapesGeneratedCues() throws {
        var cue = Cue(identifier: "a-->b", startMs: 0, endMs: 1_000, lines: ["x --> y & <b>", ""])
        cue.settings.align = "center"
        var document = SubtitleDocument(cues: [cue])
        document.layout.webVTTHoursAlways = false
        let text = WebVTTWriter.write(document)
        #expect(text == "WEBVTT\n\n00:00.000 --> 00:01.000 align:center\nx --&gt; y &amp; &lt;b&gt;\n\n")
        #expect(try WebVTTParser.parse(text).cues[0].lines == ["x --> y & <b>"])
    }

    @Test("editing a parsed cue's lines writes them escaped instead of the original payload")
    func editDropsSource() throws {
        var document = try WebVTTParser.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<i>A</i>\n")
        #expect(WebVTTWriter.write(document) == "WEBVTT\n\n00:01.000 --> 00:02.000\n<i>A</i>\n")
        document.cues[0].lines = ["B & C"]
        #expect(WebVTTWriter.write(document) == "WEBVTT\n\n00:01.000 --> 00:02.000\nB &amp; C\n")
    }
}
