/// Reads WebVTT following the W3C "WebVTT parser algorithm": signature line, header block, then blocks
/// collected line by line, where a line with `-->` on the first line of a block (or the second, after an
/// identifier) is a cue timing line and a later one starts the next block. Where the W3C algorithm
/// would silently drop input (a bad timing line, a block that is no cue, NOTE, STYLE or REGION, a STYLE
/// or REGION after a cue) this parser throws instead, naming the line and column.
public enum WebVTTParser {
    /// Parses a whole file.
    public static func parse(_ text: String) throws(SubtitleError) -> SubtitleDocument {
        let source = SourceLines(text, nulReplaced: true)
        var state = WebVTTParserState(lines: source.lines)
        var document = SubtitleDocument()
        document.layout = source.layout
        document.webVTTSignatureSuffix = try signatureSuffix(source.lines.first)
        state.index = 1
        document.webVTTHeaderLines = state.collectHeader()
        var hoursDetected = false
        while state.skipBlankLines() {
            switch try state.collectBlock() {
            case .cue(let cue, let hoursWritten):
                guard document.cues.count < SubtitleLimits.cuesMax else {
                    throw SubtitleError(.tooManyCues, line: state.index, column: 1, detail: "over \(SubtitleLimits.cuesMax) cues")
                }
                if !hoursDetected {
                    hoursDetected = true
                    document.layout.webVTTHoursAlways = hoursWritten
                }
                document.cues.append(cue)
            case .block(let kind, let lines):
                document.webVTTBlocks.append(WebVTTBlock(kind: kind, lines: lines, cuesBefore: document.cues.count))
            }
        }
        return document
    }

    private static func signatureSuffix(_ line: String?) throws(SubtitleError) -> String {
        guard let line else { throw SubtitleError(.missingSignature, line: 1, column: 1, detail: "empty file; expected WEBVTT") }
        var cursor = LineCursor(line, lineNumber: 1)
        for expected in "WEBVTT".unicodeScalars {
            guard cursor.take(expected) else { throw cursor.error(.missingSignature, "expected WEBVTT") }
        }
        guard cursor.isAtEnd || cursor.current == " " || cursor.current == "\t" else {
            throw cursor.error(.missingSignature, "WEBVTT must be followed by a space, a tab or the line end")
        }
        return cursor.rest
    }
}

/// What one collected block turned out to be.
package enum WebVTTParsedBlock {
    case cue(Cue, hoursWritten: Bool)
    case block(WebVTTBlock.Kind, [String])
}
