/// A rule the linter checks. Profile rules have ids under the profile's namespace
/// (`netflix.chars-per-line`); file rules under `cue.` (`cue.overlap`).
public struct LintRule: Sendable, Hashable, CustomStringConvertible {
    package enum Storage: String, Sendable, CaseIterable {
        case charsPerLine = "chars-per-line"
        case maxLines = "max-lines"
        case minDuration = "min-duration"
        case maxDuration = "max-duration"
        case readingSpeed = "reading-speed"
        case ordering
        case overlap
        case minGap = "min-gap"
        case closeGap = "close-gap"
    }
    package let storage: Storage
    package init(_ storage: Storage) { self.storage = storage }

    /// Line wider than the profile allows.
    public static var charsPerLine: Self { .init(.charsPerLine) }
    /// More lines than the profile allows.
    public static var maxLines: Self { .init(.maxLines) }
    /// Shorter than the minimum duration (in frames).
    public static var minDuration: Self { .init(.minDuration) }
    /// Longer than the maximum duration (in frames).
    public static var maxDuration: Self { .init(.maxDuration) }
    /// More characters per second than the profile allows.
    public static var readingSpeed: Self { .init(.readingSpeed) }
    /// Starts before the previous cue starts.
    public static var ordering: Self { .init(.ordering) }
    /// Starts before the previous cue ends.
    public static var overlap: Self { .init(.overlap) }
    /// Gap to the previous cue below the minimum (in frames).
    public static var minGap: Self { .init(.minGap) }
    /// Gap to the previous cue short enough that it should have been closed to the minimum.
    public static var closeGap: Self { .init(.closeGap) }

    /// Whether the rule belongs to the profile (namespaced) or to any subtitle file (`cue.`).
    public var isProfileRule: Bool { storage != .ordering && storage != .overlap }

    /// The rule's id under `namespace` (`netflix.min-gap`, `cue.overlap`).
    public func id(namespace: String) -> String {
        (isProfileRule ? namespace : "cue") + "." + storage.rawValue
    }

    public var description: String { storage.rawValue }
}
