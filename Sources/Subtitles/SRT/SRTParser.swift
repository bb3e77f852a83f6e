/// Reads SRT: blocks of a sequence number, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text lines and a blank line.
/// Tolerates a byte order mark, CRLF or CR line ends, extra blank lines, whitespace around the number,
/// a `.` before milliseconds and text after the end time (SRT position hints, dropped).
public enum SRTParser {
    /// Parses a whole file; the first problem throws, naming its line and column.
    public static func parse(_ text: String) throws(SubtitleError) -> SubtitleDocument {
        let source = SourceLines(text)
        let lines = source.lines
        var document = SubtitleDocument()
        document.layout = source.layout
        var index = skipBlank(lines, from: 0)
        while index < lines.count {
            guard document.cues.count < SubtitleLimits.cuesMax else {
                throw SubtitleError(.tooManyCues, line: index + 1, column: 1, detail: "over \(SubtitleLimits.cuesMax) cues")
            }
            try checkSequenceNumber(lines[index], lineNumber: index + 1)
            index += 1
            guard index < lines.count else {
                throw SubtitleError(.unexpectedEnd, line: index + 1, column: 1, detail: "a timing line must follow the number")
            }
            let (startMs, endMs) = try timing(lines[index], lineNumber: index + 1)
            index += 1
            var payload: [String] = []
            while index < lines.count, !isBlank(lines[index]) {
                payload.append(lines[index])
                index += 1
            }
            let source = CueSource(format: .srt, lines: payload)
            document.cues.append(Cue(
                identifier: nil, startMs: startMs, endMs: endMs, settings: CueSettings(),
                source: source, lines: payload.map(CueText.plainFromSRT)))
            index = skipBlank(lines, from: index)
        }
        return document
    }

    private static func checkSequenceNumber(_ line: String, lineNumber: Int) throws(SubtitleError) {
        var cursor = LineCursor(line, lineNumber: lineNumber)
        cursor.skipWhitespace()
        let number = cursor.digits()
        if number.isEmpty { throw cursor.error(.badSequenceNumber, "expected a cue sequence number") }
        cursor.skipWhitespace()
        if !cursor.isAtEnd { throw cursor.error(.badSequenceNumber, "unexpected text after the sequence number") }
    }

    private static func timing(_ line: String, lineNumber: Int) throws(SubtitleError) -> (Int, Int) {
        var cursor = LineCursor(line, lineNumber: lineNumber)
        cursor.skipWhitespace()
        let startMs = try cursor.srtTimestamp()
        cursor.skipWhitespace()
        let arrowStart = cursor
        guard cursor.take("-"), cursor.take("-"), cursor.take(">") else {
            throw arrowStart.error(.missingArrow, "expected '-->' between the timestamps")
        }
        cursor.skipWhitespace()
        let endMs = try cursor.srtTimestamp()
        return (startMs, endMs)
    }

    private static func skipBlank(_ lines: [String], from start: Int) -> Int {
        var index = start
        while index < lines.count, isBlank(lines[index]) { index += 1 }
        return index
    }

    private static func isBlank(_ line: String) -> Bool {
        line.unicodeScalars.allSatisfy { $0 == " " || $0 == "\t" }
    }
}
