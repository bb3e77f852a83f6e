import Subtitles
import Testing

@Suite("SRT reading and writing")
struct SRTTests {
    static let wellFormed = """
        1
        00:00:01,000 --> 00:00:02,500
        Hello there.

        2
        00:00:03,000 --> 00:00:05,250
        <i>Two lines</i>, with markup
        and an ampersand & more.

        3
        100:00:00,000 --> 100:00:01,000
        Past 99 hours.


        """

    @Test("a well-formed file survives parse and write byte for byte", arguments: [
        wellFormed,
        wellFormed.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n"),
        "\u{FEFF}" + wellFormed,
        String(wellFormed.dropLast()),
        String(wellFormed.dropLast(2)),
        "",
    ])
    func roundTrip(text: String) throws {
        #expect(SRTWriter.write(try SRTParser.parse(text)) == text)
    }

    @Test("parsing yields times, plain lines without markup, and the file layout")
    func parsesCues() throws {
        let document = try SRTParser.parse(Self.wellFormed)
        #expect(document.cues.count == 3)
        #expect(document.cues[1].startMs == 3_000)
        #expect(document.cues[1].endMs == 5_250)
        #expect(document.cues[1].lines == ["Two lines, with markup", "and an ampersand & more."])
        #expect(document.cues[2].startMs == 360_000_000)
        #expect(document.layout.finalBlankLine)
        #expect(document.layout.lineEnding == .lf)
    }

    @Test("CRLF, a byte order mark and extra blank lines are tolerated")
    func tolerant() throws {
        let text = "\u{FEFF}\r\n\r\n1\r\n00:00:01,000 --> 00:00:02,000\r\nA\r\n\r\n\r\n2\r\n00:00:03,000-->00:00:04,000\r\nB\r\n"
        let document = try SRTParser.parse(text)
        #expect(document.cues.map(\.lines) == [["A"], ["B"]])
        #expect(document.cues.map(\.startMs) == [1_000, 3_000])
        #expect(document.layout.lineEnding == .crlf)
        #expect(document.layout.byteOrderMark)
    }

    @Test("errors name their code, line and column", arguments: [
        ("x\n00:00:01,000 --> 00:00:02,000\nA\n", "bad_sequence_number", 1, 1),
        ("1 2\n00:00:01,000 --> 00:00:02,000\nA\n", "bad_sequence_number", 1, 3),
        ("1\n00:00:01,000 -> 00:00:02,000\nA\n", "missing_arrow", 2, 14),
        ("1\n00:00:01,000 --> 00:0:02,000\nA\n", "bad_timestamp", 2, 21),
        ("1\n00:60:01,000 --> 00:00:02,000\nA\n", "bad_timestamp", 2, 1),
        ("1\n00:00:01,00 --> 00:00:02,000\nA\n", "bad_timestamp", 2, 10),
        ("1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n", "unexpected_end", 6, 1),
    ])
    func errors(text: String, code: String, line: Int, column: Int) {
        #expect {
            try SRTParser.parse(text)
        } throws: { error in
            guard let error = error as? SubtitleError else { return false }
            return error.code.id == code && error.line == line && error.column == column
        }
    }

    @Test("generated cues are numbered in order and skip empty lines")
    func writesGeneratedCues() {
        var document = SubtitleDocument(cues: [
            Cue(startMs: 0, endMs: 833, lines: ["First", ""]),
            Cue(startMs: 1_000, endMs: 2_000, lines: ["A & B <c>"]),
        ])
        document.layout.finalBlankLine = false
        #expect(SRTWriter.write(document) == "1\n00:00:00,000 --> 00:00:00,833\nFirst\n\n2\n00:00:01,000 --> 00:00:02,000\nA & B <c>\n")
    }

    @Test("plain lines are made safe for SRT: arrows shortened, blank-looking lines dropped", arguments: [
        ("a --> b", "a -> b"), ("x ---> y -->", "x -> y ->"), ("-->", "->"), ("<- ok ->", "<- ok ->"), ("- - >", "- - >"),
    ])
    func plainLinesAreSafe(line: String, written: String) throws {
        var document = SubtitleDocument(cues: [Cue(startMs: 0, endMs: 1_000, lines: [line, " \t ", "end"])])
        document.layout.finalBlankLine = false
        let text = SRTWriter.write(document)
        #expect(text == "1\n00:00:00,000 --> 00:00:01,000\n\(written)\nend\n")
        #expect(try SRTParser.parse(text).cues.map(\.lines) == [[written, "end"]])
    }
}
