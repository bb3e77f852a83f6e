/// How characters count toward line length and reading speed.
public enum CharacterWidth: String, Sendable, Hashable {
    /// Every character (grapheme cluster) counts 1.
    case uniform
    /// Full-width characters (CJK, full-width forms) count 1; half-width ones (Latin letters, digits,
    /// ASCII punctuation, spaces) count 0.5, as Netflix's Chinese guides specify.
    case halfWidthCountsHalf = "half-width-counts-half"

    /// The width of `text` under this rule.
    public func width<S: StringProtocol>(of text: S) -> Double {
        switch self {
        case .uniform:
            return Double(text.count)
        case .halfWidthCountsHalf:
            var total = 0.0
            for character in text { total += Self.isWide(character) ? 1 : 0.5 }
            return total
        }
    }

    /// True for East Asian Wide and Fullwidth characters (by their first scalar).
    public static func isWide(_ character: Character) -> Bool {
        guard let value = character.unicodeScalars.first?.value else { return false }
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
