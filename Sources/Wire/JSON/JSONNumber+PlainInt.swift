extension JSONNumber {
    /// The value of plain integer text (an optional `-` then 1...18 ASCII digits) read without
    /// `Int(text)`'s generic parser; nil for any other text, which `int` then hands to `Int(text)`.
    /// Eighteen digits cannot overflow `Int`, so wherever this is non-nil it equals `Int(text)`.
    package var plainInt: Int? {
        var text = text
        return text.withUTF8(Self.plainInt(utf8:))
    }

    private static func plainInt(utf8: UnsafeBufferPointer<UInt8>) -> Int? {
        let negative = utf8.first == UInt8(ascii: "-")
        let digits = utf8.count - (negative ? 1 : 0)
        guard digits >= 1, digits <= 18 else { return nil }
        var value = 0
        for byte in utf8[(negative ? 1 : 0)...] {
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
        }
        return negative ? -value : value
    }
}
