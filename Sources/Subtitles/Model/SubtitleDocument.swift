/// A subtitle file as a list of cues plus what a byte-identical rewrite needs.
public struct SubtitleDocument: Sendable, Hashable {
    public var cues: [Cue]
    /// WebVTT: the rest of the signature line after `WEBVTT` (`" - Episode 1"`), including its separator.
    public var webVTTSignatureSuffix: String = ""
    /// WebVTT: header lines after the signature line, before the first blank line.
    public var webVTTHeaderLines: [String] = []
    /// WebVTT: NOTE, STYLE and REGION blocks.
    public var webVTTBlocks: [WebVTTBlock] = []
    public var layout = FileLayout()

    public init(cues: [Cue] = []) { self.cues = cues }
}
