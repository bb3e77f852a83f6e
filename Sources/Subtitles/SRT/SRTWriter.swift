/// Writes SRT: cues numbered from 1, `HH:MM:SS,mmm --> HH:MM:SS,mmm`, text, blank line.
/// A cue parsed from SRT is written with its original payload (markup included); other cues with their
/// plain lines. Empty lines are left out, since a blank line would end the cue.
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
                lines += cue.lines.filter { !$0.isEmpty }
            }
            blocks.append(lines.joined(separator: newline))
        }
        return FileLayoutWriter.join(blocks, header: nil, layout: layout)
    }
}
