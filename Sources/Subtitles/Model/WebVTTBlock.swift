/// A WebVTT NOTE, STYLE or REGION block, kept verbatim with its place among the cues.
public struct WebVTTBlock: Sendable, Hashable {
    public var kind: Kind
    /// The block's lines, the first starting with its keyword (`NOTE`, `STYLE`, `REGION`).
    public var lines: [String]
    /// How many cues precede the block in the file.
    public var cuesBefore: Int

    public init(kind: Kind, lines: [String], cuesBefore: Int) {
        self.kind = kind
        self.lines = lines
        self.cuesBefore = cuesBefore
    }

    /// What a non-cue block is.
    public enum Kind: String, Sendable, Hashable {
        case note = "NOTE"
        case style = "STYLE"
        case region = "REGION"
    }
}
