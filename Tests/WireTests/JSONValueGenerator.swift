import Wire

/// Random JSON values from a seed: every value kind, awkward strings and number spellings.
struct JSONValueGenerator {
    var random: SeededGenerator

    static let scalars: [Unicode.Scalar] = [
        "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1F}",
        "\u{7F}", "é", "ß", "中", "文", "\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "\u{10FFFF}", "\u{E000}",
    ]
    static let numbers = ["0", "-0", "1", "-1", "1.0", "1E+2", "1e-05", "0.5", "-12.25e3", "18446744073709551616",
                          "123456789012345678901234567890", "9007199254740993", "2.0"]

    mutating func string() -> String {
        var text = String.UnicodeScalarView()
        for _ in 0..<random.below(12) { text.append(Self.scalars[random.below(Self.scalars.count)]) }
        if random.below(4) == 0 { text.append(contentsOf: String(repeating: "abcdefgh", count: random.below(4)).unicodeScalars) }
        return String(text)
    }

    mutating func value(depth: Int) -> JSONValue {
        let kinds = depth >= 4 ? 4 : 6
        switch random.below(kinds) {
        case 0: return random.below(2) == 0 ? .null : .bool(random.below(2) == 0)
        case 1: return .number(JSONNumber(unchecked: Self.numbers[random.below(Self.numbers.count)]))
        case 2: return .double(Double(bitPattern: random.next()))
        case 3: return .string(string())
        case 4: return .array((0..<random.below(5)).map { _ in value(depth: depth + 1) })
        default:
            var members: [(String, JSONValue)] = []
            for _ in 0..<random.below(5) { members.append((string(), value(depth: depth + 1))) }
            return .object(JSONObject(members))
        }
    }
}
