extension JSONNumber {
    /// The shortest text that reads back as exactly `value` (Swift's `description`: deterministic,
    /// round-trip exact). Integral values keep a fraction: `2.0` is `"2.0"`, `-0.0` is `"-0.0"`,
    /// `1e16` is `"1e+16"`, `0.00001` is `"1e-05"`. Nil for NaN and infinities, which JSON cannot carry.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        self.init(unchecked: value.description)
    }

    /// Accepts `text` only when it is exactly an RFC 8259 number (`-0`, `1E+2`, not `+1`, `01`, `1.`).
    public init?(validating text: String) {
        var text = text
        let valid = text.withUTF8 { utf8 -> Bool in
            guard !utf8.isEmpty else { return false }
            do {
                return try JSONParser.scanNumber(utf8, from: 0) == utf8.count
            } catch {
                return false
            }
        }
        guard valid else { return nil }
        self.init(unchecked: text)
    }
}
