/// The result of one transcription, as the SPEC's `transcribe` result carries it.
/// Times are in seconds. Shared by the SDK, the coordinator, aggregation and subtitles.
public struct Transcript: Sendable, Hashable {
    /// BCP-47-ish language code the engine detected or was told ("en", "zh").
    public var language: String
    /// Audio duration in seconds.
    public var durationSeconds: Double
    public var segments: [Segment]

    public init(language: String, durationSeconds: Double, segments: [Segment]) {
        self.language = language
        self.durationSeconds = durationSeconds
        self.segments = segments
    }

    /// All words of all segments, in order.
    public var words: [Word] { segments.flatMap(\.words) }

    /// The segments' texts joined by single spaces.
    public var text: String { segments.map(\.text).joined(separator: " ") }
}

/// One recognised segment (a phrase between pauses).
public struct Segment: Sendable, Hashable {
    public var id: Int
    public var startSeconds: Double
    public var endSeconds: Double
    public var text: String
    /// 0...1 when the engine reports it.
    public var confidence: Double?
    public var words: [Word]

    public init(
        id: Int, startSeconds: Double, endSeconds: Double, text: String,
        confidence: Double? = nil, words: [Word] = []
    ) {
        self.id = id
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.text = text
        self.confidence = confidence
        self.words = words
    }
}

/// One word with its timing.
public struct Word: Sendable, Hashable {
    public var text: String
    public var startSeconds: Double
    public var endSeconds: Double
    /// 0...1 when the engine reports it.
    public var confidence: Double?

    public init(text: String, startSeconds: Double, endSeconds: Double, confidence: Double? = nil) {
        self.text = text
        self.startSeconds = startSeconds
        self.endSeconds = endSeconds
        self.confidence = confidence
    }
}
