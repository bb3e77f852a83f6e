/// Writes SRT: cues numbered from 1, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text, blank line.
/// A cue parsed from SRT is written with its original payload (markup included); other cues with their
/// plain lines, made safe for the format: SRT has no escapes, so a run of dashes before `>` (`-->`) becomes `->` (as Whisper's writer
/// does; a reader would take a line holding it for a timing line), and lines of only spaces and tabs
/// are left out with the empty ones, since a blank line would end the cue.
public enum SRTWriter {
    public static func write(_ document: SubtitleDocument) -> String {
        let layout = document.layout
        var blocks: [String] = []
        blocks.reserveCapacity(document.cues.count)
        let newline = layout.lineEnding.rawValue
        for (position, cue) in document.cues.enumerated() {
            var lines = [String(position + 1), Timestamp.srt(max(0, cue.startMs)) + " --> " + Timestamp.srt(max(0, cue.endMs))]
            if let source = cue.source, source.format == .srt {
                lines += source.lines
            } else {
                lines += cue.lines.compactMap(plainLine)
            }
            blocks.append(lines.joined(separator: newline))
        }
        return FileLayoutWriter.join(blocks, header: nil, layout: layout)
    }

    /// A plain text line as SRT payload, or nil when it would read as the end of the cue.
    static func plainLine(_ line: String) -> String? {
        guard line.unicodeScalars.contains(where: { $0 != " " && $0 != "\t" }) else { return nil }
        var text = ""
        for character in line {
            if character == ">" { while text.hasSuffix("--") { text.removeLast() } }
            text.append(character)
        }
        return text
    }
}
