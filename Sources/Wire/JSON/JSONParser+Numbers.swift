extension JSONParser {
    /// Parses a number at `index`, keeping its text exactly as written.
    mutating func parseNumber() throws(JSONError) -> JSONNumber {
        let start = index
        index = try Self.scanNumber(bytes, from: start)
        return JSONNumber(unchecked: String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
    }

    /// Scans the RFC 8259 `number` production starting at `start`; returns the index after it.
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    static func scanNumber(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) throws(JSONError) -> Int {
        var index = start
        @inline(__always) func isDigit(_ i: Int) -> Bool {
            i < bytes.count && bytes[i] &- UInt8(ascii: "0") < 10
        }
        @inline(__always) func skipDigits(_ i: inout Int) { while isDigit(i) { i += 1 } }

        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard isDigit(index) else { throw JSONError(code: .invalidNumber, offset: index) }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if isDigit(index) { throw JSONError(code: .leadingZero, offset: index - 1) }
        } else {
            skipDigits(&index)
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard isDigit(index) else { throw JSONError(code: .invalidNumber, offset: index) }
            skipDigits(&index)
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard isDigit(index) else { throw JSONError(code: .invalidNumber, offset: index) }
            skipDigits(&index)
        }
        return index
    }
}
