/// WebVTT cue settings, each kept as its validated text (`line:-1`, `position:10%,line-left`) so that
/// writing reproduces the input. nil means the setting is absent. Invalid settings are dropped on parse,
/// as the W3C algorithm does.
public struct CueSettings: Sendable, Hashable {
    /// `rl` or `lr`.
    public var vertical: String?
    /// A line number or percentage, optionally `,start|center|end`.
    public var line: String?
    /// A percentage, optionally `,line-left|center|line-right`.
    public var position: String?
    /// A percentage.
    public var size: String?
    /// `start`, `center`, `end`, `left` or `right`.
    public var align: String?
    /// A region identifier.
    public var region: String?

    public init() {}

    /// True when no setting is present.
    public var isEmpty: Bool { orderedPairs.isEmpty }

    /// The present settings as (name, value) in the order the writer emits them.
    package var orderedPairs: [(name: String, value: String)] {
        var pairs: [(name: String, value: String)] = []
        if let vertical { pairs.append(("vertical", vertical)) }
        if let line { pairs.append(("line", line)) }
        if let position { pairs.append(("position", position)) }
        if let size { pairs.append(("size", size)) }
        if let align { pairs.append(("align", align)) }
        if let region { pairs.append(("region", region)) }
        return pairs
    }
}
