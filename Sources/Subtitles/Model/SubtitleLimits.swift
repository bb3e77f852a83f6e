/// Bounds the parsers enforce.
public enum SubtitleLimits {
    /// Most cues one document may hold.
    public static let cuesMax = 1_000_000
    /// Most digits in a timestamp's hours field (9 digits: under 1 billion hours, no overflow).
    public static let hourDigitsMax = 9
}
