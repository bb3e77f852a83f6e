/// The line position and flags of the W3C WebVTT parser between blocks.
package struct WebVTTParserState {
    package let lines: [String]
    /// Index of the next line to read (0-based; line numbers are index + 1).
    package var index = 0
    /// W3C "seen cue": set once any cue has been parsed.
    private var seenCue = false
    /// The previous block ended because a line in its text contained `-->`.
    private var rewound = false

    package init(lines: [String]) { self.lines = lines }

    /// The header block after the signature line: lines up to a blank one or one containing `-->`.
    package mutating func collectHeader() -> [String] {
        var header: [String] = []
        while index < lines.count, !lines[index].isEmpty, !lines[index].contains("-->") {
            header.append(lines[index])
            index += 1
        }
        return header
    }

    /// Skips line ends; returns false at the end of the input.
    package mutating func skipBlankLines() -> Bool {
        while index < lines.count, lines[index].isEmpty { index += 1 }
        return index < lines.count
    }

    /// W3C "collect a WebVTT block" (outside the header), strict where the algorithm would drop input.
    package mutating func collectBlock() throws(SubtitleError) -> WebVTTParsedBlock {
        let firstIndex = index
        let afterRewind = rewound
        rewound = false
        var buffer: [String] = []
        var lineCount = 0
        var seenArrow = false
        var timing: (identifier: String?, startMs: Int, endMs: Int, settings: CueSettings, hours: Bool)?
        while index < lines.count {
            let line = lines[index]
            lineCount += 1
            index += 1
            if line.contains("-->") {
                guard lineCount == 1 || (lineCount == 2 && !seenArrow) else {
                    index -= 1
                    rewound = true
                    break
                }
                seenArrow = true
                let parsed = try Self.timing(line, lineNumber: index, afterRewind: afterRewind && lineCount == 1)
                timing = (buffer.first, parsed.startMs, parsed.endMs, parsed.settings, parsed.hours)
                buffer = []
                seenCue = true
            } else if line.isEmpty {
                break
            } else {
                buffer.append(line)
            }
        }
        if let timing {
            let cue = Cue(
                identifier: timing.identifier, startMs: timing.startMs, endMs: timing.endMs, settings: timing.settings,
                source: CueSource(format: .webVTT, lines: buffer), lines: buffer.map(CueText.plainFromWebVTT))
            return .cue(cue, hoursWritten: timing.hours)
        }
        return .block(try classify(buffer, lineNumber: firstIndex + 1), buffer)
    }

    private func classify(_ buffer: [String], lineNumber: Int) throws(SubtitleError) -> WebVTTBlock.Kind {
        let first = buffer.first ?? ""
        if Self.isKeyword("NOTE", first, trailingText: true) { return .note }
        for kind in [WebVTTBlock.Kind.style, .region] where Self.isKeyword(kind.rawValue, first, trailingText: false) {
            guard !seenCue else {
                throw SubtitleError(.blockAfterCue, line: lineNumber, column: 1, detail: "\(kind.rawValue) blocks must precede all cues")
            }
            return kind
        }
        // A line of the first two that starts like a timestamp was probably meant as a timing line:
        // report what is wrong with it rather than the block as a whole.
        for (offset, line) in buffer.prefix(2).enumerated() where line.first?.isASCII == true && line.first?.isNumber == true {
            _ = try Self.timing(line, lineNumber: lineNumber + offset, afterRewind: false)
        }
        throw SubtitleError(.unexpectedBlock, line: lineNumber, column: 1, detail: "expected a cue, NOTE, STYLE or REGION block")
    }

    /// `NOTE` then a space, tab or the end; `STYLE`/`REGION` then only spaces or tabs.
    private static func isKeyword(_ keyword: String, _ line: String, trailingText: Bool) -> Bool {
        guard line.hasPrefix(keyword) else { return false }
        let rest = line.unicodeScalars.dropFirst(keyword.unicodeScalars.count)
        guard let next = rest.first else { return true }
        guard next == " " || next == "\t" else { return false }
        return trailingText || rest.allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// W3C "collect WebVTT cue timings and settings".
    private static func timing(_ line: String, lineNumber: Int, afterRewind: Bool) throws(SubtitleError)
        -> (startMs: Int, endMs: Int, settings: CueSettings, hours: Bool)
    {
        var cursor = LineCursor(line, lineNumber: lineNumber)
        do throws(SubtitleError) {
            cursor.skipWhitespace()
            let timestampStart = cursor.index
            let startMs = try cursor.webVTTTimestamp()
            let hours = cursor.scalars[timestampStart..<cursor.index].filter { $0 == ":" }.count == 2
            cursor.skipWhitespace()
            let arrowStart = cursor
            guard cursor.take("-"), cursor.take("-"), cursor.take(">") else {
                throw arrowStart.error(.missingArrow, "expected '-->' between the timestamps")
            }
            cursor.skipWhitespace()
            let endMs = try cursor.webVTTTimestamp()
            return (startMs, endMs, WebVTTSettingsParser.parse(cursor.rest), hours)
        } catch {
            guard afterRewind else { throw error }
            let arrow = line.unicodeScalars.firstRange(of: "-->".unicodeScalars)!.lowerBound
            let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: arrow) + 1
            throw SubtitleError(.arrowInCueText, line: lineNumber, column: column, detail: "'-->' is not allowed in cue text")
        }
    }
}
