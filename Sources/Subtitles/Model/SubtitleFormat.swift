/// A subtitle file format.
public enum SubtitleFormat: String, Sendable, Hashable, CaseIterable {
    case srt
    case webVTT = "vtt"
}
