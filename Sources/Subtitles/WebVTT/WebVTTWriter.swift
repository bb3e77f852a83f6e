/// Writes WebVTT: the signature and header, then NOTE/STYLE/REGION blocks and cues in document order,
/// separated by blank lines. A cue parsed from WebVTT keeps its original payload; other cues have their
/// plain lines escaped (`&amp; &lt; &gt;`), which keeps `-->` out of cue text. Empty lines are left out,
/// and an identifier containing `-->` or a line end is dropped, as the syntax forbids them.
public enum WebVTTWriter {
    public static func write(_ document: SubtitleDocument) -> String {
        let layout = document.layout
        let newline = layout.lineEnding.rawValue
        let header = (["WEBVTT" + document.webVTTSignatureSuffix] + document.webVTTHeaderLines).joined(separator: newline)
        let ordered = document.webVTTBlocks.enumerated().sorted { ($0.element.cuesBefore, $0.offset) < ($1.element.cuesBefore, $1.offset) }
        var pending = ordered.map(\.element)[...]
        var blocks: [String] = []
        for (position, cue) in document.cues.enumerated() {
            while let block = pending.first, block.cuesBefore <= position {
                blocks.append(block.lines.joined(separator: newline))
                pending = pending.dropFirst()
            }
            blocks.append(cueBlock(cue, layout: layout))
        }
        for block in pending { blocks.append(block.lines.joined(separator: newline)) }
        return FileLayoutWriter.join(blocks, header: header, layout: layout)
    }

    /// The timing line: `start --> end` and the settings.
    package static func timingLine(_ cue: Cue, hoursAlways: Bool) -> String {
        var line = Timestamp.webVTT(max(0, cue.startMs), hoursAlways: hoursAlways) + " --> "
            + Timestamp.webVTT(max(0, cue.endMs), hoursAlways: hoursAlways)
        for (name, value) in cue.settings.orderedPairs { line += " \(name):\(value)" }
        return line
    }

    private static func cueBlock(_ cue: Cue, layout: FileLayout) -> String {
        var lines: [String] = []
        if let identifier = cue.identifier, !identifier.isEmpty, !identifier.contains("-->"),
           !identifier.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) {
            lines.append(identifier)
        }
        lines.append(timingLine(cue, hoursAlways: layout.webVTTHoursAlways))
        if let source = cue.source, source.format == .webVTT {
            lines += source.lines
        } else {
            lines += cue.lines.filter { !$0.isEmpty }.map(CueText.escapeWebVTT)
        }
        return lines.joined(separator: layout.lineEnding.rawValue)
    }
}
