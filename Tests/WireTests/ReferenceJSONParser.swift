import Wire

/// A deliberately plain RFC 8259 parser (byte by byte, no fast paths) used as the oracle for
/// differential tests of `JSONParser`. Returns nil for any input it rejects.
struct ReferenceJSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var depth = 0

    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return nil }
        var parser = ReferenceJSONParser(bytes: bytes)
        guard let value = parser.value() else { return nil }
        parser.whitespace()
        // Not `? value : nil`: JSONValue is ExpressibleByNilLiteral, so that nil would mean `.null`.
        guard parser.index == bytes.count else { return Optional.none }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func whitespace() {
        while let byte = current, [0x20, 0x09, 0x0A, 0x0D].contains(byte) { index += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    private mutating func value() -> JSONValue? {
        whitespace()
        switch current {
        case UInt8(ascii: "{")?: return container(close: UInt8(ascii: "}"), object: true)
        case UInt8(ascii: "[")?: return container(close: UInt8(ascii: "]"), object: false)
        case UInt8(ascii: "\"")?: return string().map(JSONValue.string)
        case UInt8(ascii: "t")?: return literal("true", .bool(true))
        case UInt8(ascii: "f")?: return literal("false", .bool(false))
        case UInt8(ascii: "n")?: return literal("null", .null)
        default: return number()
        }
    }

    private mutating func literal(_ text: String, _ value: JSONValue) -> JSONValue? {
        for byte in text.utf8 where !take(byte) { return nil }
        return value
    }

    private mutating func container(close: UInt8, object: Bool) -> JSONValue? {
        index += 1
        depth += 1
        defer { depth -= 1 }
        if depth > 128 { return nil }
        var elements: [JSONValue] = []
        var members: [(String, JSONValue)] = []
        whitespace()
        if !take(close) {
            repeat {
                if object {
                    whitespace()
                    guard current == UInt8(ascii: "\""), let key = string() else { return nil }
                    whitespace()
                    guard take(UInt8(ascii: ":")), let value = value() else { return nil }
                    members.append((key, value))
                } else {
                    guard let value = value() else { return nil }
                    elements.append(value)
                }
                whitespace()
            } while take(UInt8(ascii: ","))
            guard take(close) else { return nil }
        }
        return object ? .object(JSONObject(members)) : .array(elements)
    }

    private mutating func number() -> JSONValue? {
        let start = index
        func digits() -> Int {
            let before = index
            while let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { index += 1 }
            return index - before
        }
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            if let byte = current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { return nil }
        } else if digits() == 0 {
            return nil
        }
        if take(UInt8(ascii: ".")), digits() == 0 { return nil }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            if digits() == 0 { return nil }
        }
        return .number(JSONNumber(unchecked: String(decoding: bytes[start..<index], as: UTF8.self)))
    }

    private mutating func string() -> String? {
        index += 1
        var scalars = String.UnicodeScalarView()
        while let byte = current {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(scalars)
            case UInt8(ascii: "\\"):
                guard let scalar = escape() else { return nil }
                scalars.append(scalar)
            case 0..<0x20: return nil
            case 0x20..<0x80: scalars.append(Unicode.Scalar(byte))
            default:
                index -= 1
                guard let scalar = utf8Scalar() else { return nil }
                scalars.append(scalar)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16),
              bytes[index..<index + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") })
        else { return nil }
        index += 4
        return value
    }

    private mutating func escape() -> Unicode.Scalar? {
        guard let letter = current else { return nil }
        index += 1
        let simple: [UInt8: Unicode.Scalar] = [
            UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\", UInt8(ascii: "/"): "/", UInt8(ascii: "b"): "\u{8}",
            UInt8(ascii: "f"): "\u{C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
        ]
        if let scalar = simple[letter] { return scalar }
        guard letter == UInt8(ascii: "u"), let unit = hex4() else { return nil }
        if (0xDC00...0xDFFF).contains(unit) { return nil }
        guard (0xD800...0xDBFF).contains(unit) else { return Unicode.Scalar(unit) }
        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
    }

    /// Decodes one scalar with the stdlib's UTF-8 decoder (which rejects ill-formed sequences).
    private mutating func utf8Scalar() -> Unicode.Scalar? {
        var decoder = UTF8()
        var iterator = bytes[index...].makeIterator()
        var consumed = 0
        var counting = AnyIterator<UInt8> {
            guard let next = iterator.next() else { return nil }
            consumed += 1
            return next
        }
        guard case .scalarValue(let scalar) = decoder.decode(&counting) else { return nil }
        // The decoder may read one byte ahead; count the scalar's own length instead.
        index += UTF8.width(scalar)
        _ = consumed
        return scalar
    }
}
