/// Optional normalisation applied before jiwer's default transform. The default changes nothing,
/// so case and punctuation differences count as errors, as in jiwer.
public struct TextNormalization: Sendable, Hashable {
    /// Lowercase exactly as Python's `str.lower()`: full Unicode mappings plus the final-sigma rule.
    public var lowercases = false
    /// Remove every scalar whose general category is punctuation (P*), like jiwer's `RemovePunctuation`.
    public var removesPunctuation = false
    /// Make each Han, Hiragana and Katakana scalar a word of its own (Hangul is left alone: Korean
    /// is written with spaces). Ignored for character error rates, where every scalar is a token.
    public var splitsCJK = false

    public init() {}

    /// No normalisation: jiwer's defaults.
    public static let none = TextNormalization()
    /// Lowercase, no punctuation, CJK split into characters.
    public static let standard: TextNormalization = {
        var normalization = TextNormalization()
        normalization.lowercases = true
        normalization.removesPunctuation = true
        normalization.splitsCJK = true
        return normalization
    }()

    public var isIdentity: Bool { !lowercases && !removesPunctuation && !splitsCJK }

    /// The normalised text.
    public func apply(_ text: String) -> String {
        guard !isIdentity else { return text }
        let source = lowercases ? Self.pythonLowercased(text) : text
        var result = String.UnicodeScalarView()
        for scalar in source.unicodeScalars {
            if removesPunctuation, Self.isPunctuation(scalar) { continue }
            if splitsCJK, Self.isCJK(scalar) {
                result.append(" ")
                result.append(scalar)
                result.append(" ")
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Python's `str.lower()`: each scalar's full lowercase mapping, except that a capital sigma
    /// becomes final ς when a cased letter precedes it and none follows (case-ignorable scalars skipped).
    static func pythonLowercased(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            guard scalar == "\u{3A3}" else {
                result.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                continue
            }
            let final = casedNeighbour(scalars, from: index, step: -1) && !casedNeighbour(scalars, from: index, step: 1)
            result.append(final ? "\u{3C2}" : "\u{3C3}")
        }
        return String(result)
    }

    private static func casedNeighbour(_ scalars: [Unicode.Scalar], from index: Int, step: Int) -> Bool {
        var position = index + step
        while position >= 0, position < scalars.count {
            let properties = scalars[position].properties
            if !properties.isCaseIgnorable { return properties.isCased }
            position += step
        }
        return false
    }

    static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            true
        default:
            false
        }
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x31F0...0x31FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x323AF:
            true
        default:
            false
        }
    }
}
