/// The rules a set of subtitles must follow. Start from a built-in (`.netflixEnglish`) or `init()` (which
/// equals Netflix English) and change what you need. Each rule has a lint rule id under `ruleNamespace`.
public struct SubtitleProfile: Sendable, Hashable {
    /// Shown in reports (`netflix-en`).
    public var name = "netflix-en"
    /// Prefix of this profile's lint rule ids (`netflix` gives `netflix.chars-per-line`).
    public var ruleNamespace = "netflix"
    /// Widest line, in characters as `characterWidth` counts them.
    public var lineCharactersMax = 42.0
    /// Most lines per cue.
    public var linesMax = 2
    /// Shortest cue, in seconds (converted to whole frames, rounding up).
    public var durationSecondsMin = 5.0 / 6.0
    /// Longest cue, in seconds (converted to whole frames, rounding down).
    public var durationSecondsMax = 7.0
    /// Fastest reading speed, in characters per second (spaces and punctuation count, line breaks do not).
    public var readingSpeedCharactersPerSecondMax = 20.0
    /// Smallest gap between consecutive cues, in frames.
    public var gapFramesMin = 2
    /// Gaps up to this many frames (and above `gapFramesMin`) must be closed to `gapFramesMin`.
    public var gapFramesCloseMax = 12
    /// Frame rate that frame-based rules are measured in.
    public var frameRate = FrameRate.fps24
    /// How characters count.
    public var characterWidth = CharacterWidth.uniform

    public init() {}

    /// Shortest cue in frames at `frameRate` (20 for 5/6 s at 24 fps).
    public var durationFramesMin: Int { frameRate.framesCovering(seconds: durationSecondsMin) }
    /// Longest cue in frames at `frameRate` (168 for 7 s at 24 fps).
    public var durationFramesMax: Int { frameRate.framesWithin(seconds: durationSecondsMax) }
    /// Total width allowed in one cue.
    package var cueCharactersMax: Double { lineCharactersMax * Double(linesMax) }
}
