extension JSONParser {
    /// Parses a string (a member name or a value) at `index` (an opening quote). Strings of at most
    /// 15 printable-ASCII bytes without escapes are recognised with two word loads and come from
    /// `knownStrings` (the protocol's names and common values) or, past the first few others,
    /// `keyCache`; everything else takes the general string path (`parseString`).
    mutating func parseShortString() throws(JSONError) -> String {
        let start = index + 1
        guard start + 16 <= bytes.count, UInt64(1).littleEndian == 1 else { return try parseString() }
        let raw = UnsafeRawPointer(bytes.baseAddress! + start)
        let first = raw.loadUnaligned(as: UInt64.self)
        let second = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let low: UInt64
        let high: UInt64
        let length: Int
        let quoteInFirst = Self.zeroBytes(first ^ Self.broadcast(0x22))
        if quoteInFirst != 0 {
            length = quoteInFirst.trailingZeroBitCount / 8
            low = first & Self.lowBytesMask(length)
            high = 0
            guard Self.specialBytes(first) & Self.lowBytesMask(length) == 0 else { return try parseString() }
        } else {
            let quoteInSecond = Self.zeroBytes(second ^ Self.broadcast(0x22))
            guard quoteInSecond != 0 else { return try parseString() }
            length = 8 + quoteInSecond.trailingZeroBitCount / 8
            low = first
            high = second & Self.lowBytesMask(length - 8)
            guard Self.specialBytes(first) == 0, Self.specialBytes(high) & Self.lowBytesMask(length - 8) == 0 else {
                return try parseString()
            }
        }
        let end = start + length
        index = end + 1
        if let known = knownStrings.name(low: low, high: high, length: length) { return known }
        // A document with few other short strings makes them directly: the cache costs a table per document.
        unknownStrings += 1
        if unknownStrings <= Self.unknownStringsUncached {
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        return keyCache.name(low: low, high: high, length: length) {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }

    /// Short strings outside `JSONKnownStrings` made without `keyCache` in each document.
    static let unknownStringsUncached = 8

    @inline(__always)
    static func broadcast(_ byte: UInt8) -> UInt64 { 0x0101_0101_0101_0101 &* UInt64(byte) }

    /// High bit set in each zero byte of `word` (exact for the lowest one; bytes above may be spurious).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- broadcast(0x01)) & ~word & broadcast(0x80)
    }

    /// High bit set for bytes that are control characters, non-ASCII or a backslash (exact for the lowest).
    @inline(__always)
    static func specialBytes(_ word: UInt64) -> UInt64 {
        (zeroBytes(word ^ broadcast(0x5C)) | (word &- broadcast(0x20)) | word) & broadcast(0x80)
    }

    /// The low `count` bytes (0...8) set.
    @inline(__always)
    static func lowBytesMask(_ count: Int) -> UInt64 {
        count >= 8 ? ~0 : (1 &<< UInt64(8 * count)) &- 1
    }
}
