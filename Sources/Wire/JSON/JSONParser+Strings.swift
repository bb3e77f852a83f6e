extension JSONParser {
    /// Parses a string whose opening quote is at `index`. ASCII runs are skipped eight bytes at a time
    /// and become a `String` in one copy; only strings with escapes go through `scratch`.
    mutating func parseString() throws(JSONError) -> String {
        index += 1
        let start = index
        while true {
            skipPlainRun()
            guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { return try parseEscapedString(start: start) }
            try stepNonPlainByte(byte)
        }
    }

    /// Continues a string that has an escape at `index`, collecting its bytes in `scratch`.
    mutating func parseEscapedString(start: Int) throws(JSONError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while true {
            let runStart = index
            skipPlainRun()
            guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: scratch, as: UTF8.self)
                }
                try appendEscape()
            } else {
                try stepNonPlainByte(byte)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            }
        }
    }

    /// Advances over bytes that need no attention: printable ASCII other than `"` and `\`.
    @inline(__always)
    mutating func skipPlainRun() {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index &+ 8 <= bytes.count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let flags = ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                    | (word &- ones &* 0x20) | word
                if flags & highs != 0 { break }
                index &+= 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") else { return }
            index &+= 1
        }
    }

    /// Handles a byte that `skipPlainRun` stopped at and that is neither `"` nor `\`.
    @inline(__always)
    mutating func stepNonPlainByte(_ byte: UInt8) throws(JSONError) {
        if byte < 0x20 { throw JSONError(code: .controlCharacter, offset: index) }
        if byte < 0x80 { index += 1; return }
        guard let length = utf8SequenceLength(at: index) else { throw JSONError(code: .invalidUTF8, offset: index) }
        index += length
    }

    /// The length of the well-formed UTF-8 sequence (Unicode Table 3-7) at `at`, or nil.
    func utf8SequenceLength(at start: Int) -> Int? {
        let lead = bytes[start]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF
        switch lead {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return nil
        }
        guard start + length <= bytes.count else { return nil }
        let second = bytes[start + 1]
        guard second >= low, second <= high else { return nil }
        for offset in 2..<length where bytes[start + offset] & 0xC0 != 0x80 { return nil }
        return length
    }

    /// Decodes the escape at `index` (a backslash) into `scratch`.
    mutating func appendEscape() throws(JSONError) {
        let escapeStart = index
        guard index + 1 < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: bytes.count) }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"): try appendUnicodeEscape(escapeStart: escapeStart)
        default: throw JSONError(code: .invalidEscape, offset: escapeStart)
        }
    }

    /// `\uXXXX`, pairing a high surrogate with the `\uXXXX` low surrogate that must follow it.
    mutating func appendUnicodeEscape(escapeStart: Int) throws(JSONError) {
        let unit = try readHex4(escapeStart: escapeStart)
        var scalar = UInt32(unit)
        switch unit {
        case 0xDC00...0xDFFF:
            throw JSONError(code: .loneSurrogate, offset: escapeStart)
        case 0xD800...0xDBFF:
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { throw JSONError(code: .loneSurrogate, offset: escapeStart) }
            let lowStart = index
            index += 2
            let low = try readHex4(escapeStart: lowStart)
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONError(code: .loneSurrogate, offset: escapeStart) }
            scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        default:
            break
        }
        appendUTF8(scalar)
    }

    mutating func readHex4(escapeStart: Int) throws(JSONError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONError(code: .invalidEscape, offset: escapeStart)
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
