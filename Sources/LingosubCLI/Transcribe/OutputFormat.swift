/// What `transcribe` writes per audio file.
enum OutputFormat: String, Sendable, CaseIterable {
    /// Every engine's transcript (or error) in one object.
    case json
    case srt
    case vtt

    var fileExtension: String { rawValue }
}
