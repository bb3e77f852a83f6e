/// One subtitle: when it shows, what it says, and (WebVTT) where.
public struct Cue: Sendable, Hashable {
    /// WebVTT cue identifier; nil when absent. SRT sequence numbers are positional and not kept here.
    public var identifier: String?
    /// Start time in milliseconds from the start of the media.
    public var startMs: Int
    /// End time in milliseconds from the start of the media.
    public var endMs: Int
    /// WebVTT cue settings (empty for SRT).
    public var settings: CueSettings
    /// The payload exactly as parsed, with its markup and escapes, for byte-identical rewriting.
    /// Setting `lines` drops it.
    package private(set) var source: CueSource?
    private var storedLines: [String]

    /// The displayed text, one element per line: escapes decoded, markup tags removed.
    public var lines: [String] {
        get { storedLines }
        set { storedLines = newValue; source = nil }
    }

    public init(identifier: String? = nil, startMs: Int, endMs: Int, lines: [String], settings: CueSettings = CueSettings()) {
        self.identifier = identifier
        self.startMs = startMs
        self.endMs = endMs
        self.settings = settings
        self.storedLines = lines
        self.source = nil
    }

    package init(identifier: String?, startMs: Int, endMs: Int, settings: CueSettings, source: CueSource, lines: [String]) {
        self.init(identifier: identifier, startMs: startMs, endMs: endMs, lines: lines, settings: settings)
        self.source = source
    }

    /// Duration in milliseconds (negative when the end precedes the start).
    public var durationMs: Int { endMs - startMs }
}

/// A cue payload as it was written in a file of some format.
package struct CueSource: Sendable, Hashable {
    package var format: SubtitleFormat
    package var lines: [String]
}
