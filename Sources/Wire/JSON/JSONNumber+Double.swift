extension JSONNumber {
    /// Powers of ten that are exact in a Double (10^0 ... 10^22).
    private static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value without `strtod` when that is exact (Clinger's fast path): at most 2^53 as the
    /// digits read without the point, times or divided by an exact power of ten. One IEEE operation
    /// on exact operands rounds correctly, so this equals `Double(text)` bit for bit; nil when the
    /// number is outside that range (then `double` asks `Double(text)`).
    var exactDouble: Double? {
        var text = text
        return text.withUTF8(Self.exactDouble(utf8:))
    }

    private static func exactDouble(utf8: UnsafeBufferPointer<UInt8>) -> Double? {
        var mantissa: UInt64 = 0
        var fractionDigits = 0
        var exponent = 0
        var negative = false
        var exponentNegative = false
        var part = 0  // 0 integer, 1 fraction, 2 exponent
        var digitsInPart = 0
        var previous: UInt8 = 0
        for byte in utf8 {
            defer { previous = byte }
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                digitsInPart += 1
                if part == 2 {
                    guard exponent < 1_000 else { return nil }
                    exponent = exponent * 10 + Int(digit)
                } else {
                    // Keeps mantissa * 10 + 9 below 2^53.
                    guard mantissa < 900_719_925_474_099 else { return nil }
                    mantissa = mantissa * 10 + UInt64(digit)
                    fractionDigits += part
                }
                continue
            }
            // Anything off the RFC 8259 grammar goes to `Double(text)`, which decides.
            let afterE = previous | 0x20 == UInt8(ascii: "e")
            switch byte {
            case UInt8(ascii: "-") where previous == 0: negative = true
            case UInt8(ascii: "-") where afterE: exponentNegative = true
            case UInt8(ascii: "+") where afterE: break
            case UInt8(ascii: ".") where part == 0 && digitsInPart > 0: part = 1; digitsInPart = 0
            case UInt8(ascii: "e") where digitsInPart > 0 && part < 2, UInt8(ascii: "E") where digitsInPart > 0 && part < 2:
                part = 2; digitsInPart = 0
            default: return nil
            }
        }
        guard digitsInPart > 0 else { return nil }
        let power = (exponentNegative ? -exponent : exponent) - fractionDigits
        guard power >= -22, power <= 22 else { return nil }
        let magnitude = power >= 0
            ? Double(mantissa) * Self.exactPowersOfTen[power] : Double(mantissa) / Self.exactPowersOfTen[-power]
        return negative ? -magnitude : magnitude
    }
}
