/// One rule broken by one cue: what was measured and what is allowed.
public struct LintFinding: Sendable, Hashable, CustomStringConvertible {
    /// 1-based position of the cue in the file.
    public var cueNumber: Int
    /// 1-based line within the cue, for per-line rules.
    public var lineNumber: Int?
    public var rule: LintRule
    /// The full rule id (`netflix.reading-speed`).
    public var ruleId: String
    public var measured: Double
    public var allowed: LintLimit
    public var unit: LintUnit

    public init(cueNumber: Int, lineNumber: Int? = nil, rule: LintRule, ruleId: String, measured: Double, allowed: LintLimit, unit: LintUnit) {
        self.cueNumber = cueNumber
        self.lineNumber = lineNumber
        self.rule = rule
        self.ruleId = ruleId
        self.measured = measured
        self.allowed = allowed
        self.unit = unit
    }

    /// `cue 3 line 1: netflix.chars-per-line: measured 44 characters, allowed ≤ 42`.
    public var description: String {
        let place = "cue \(cueNumber)" + (lineNumber.map { " line \($0)" } ?? "")
        return "\(place): \(ruleId): measured \(LintLimit.format(measured)) \(unit.rawValue), allowed \(allowed)"
    }
}

/// What a rule allows.
public enum LintLimit: Sendable, Hashable, CustomStringConvertible {
    case atMost(Double)
    case atLeast(Double)
    /// Exactly the first value, or at least the second (gaps: closed to 2 frames, or 13 and more).
    case exactlyOrAtLeast(Double, Double)

    public var description: String {
        switch self {
        case .atMost(let value): "≤ \(Self.format(value))"
        case .atLeast(let value): "≥ \(Self.format(value))"
        case .exactlyOrAtLeast(let exact, let least): "= \(Self.format(exact)) or ≥ \(Self.format(least))"
        }
    }

    /// Whole numbers without a fraction; others with up to two decimals (`21.6`, `0.5`, `7.33`).
    public static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        var text = String(Int((abs(value) * 100).rounded()))
        while text.count < 3 { text = "0" + text }
        var fraction = String(text.suffix(2))
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let whole = String(text.dropLast(2))
        return (value < 0 ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}

/// The unit a finding is measured in.
public enum LintUnit: String, Sendable, Hashable {
    case characters
    case lines
    case frames
    case charactersPerSecond = "characters/s"
    case milliseconds = "ms"
}
