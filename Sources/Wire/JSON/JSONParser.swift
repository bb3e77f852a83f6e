/// Strict RFC 8259 parser over UTF-8 bytes: one pass, no backtracking, number text kept verbatim.
///
/// Rejects what RFC 8259 rejects (trailing commas, leading zeros, `+1`, `.5`, `1.`, NaN/Infinity,
/// raw control characters in strings, lone surrogate escapes, whitespace other than space/tab/CR/LF,
/// trailing content) plus ill-formed UTF-8 anywhere and a leading byte order mark.
/// Duplicate member names are kept (lookup returns the last). Raw U+2028/U+2029 are accepted.
///
///     let value = try JSONParser.parse(Array(#"{"a":[1,2.50]}"#.utf8))
public struct JSONParser: ~Copyable {
    /// The input, valid only during one `parse` call.
    let bytes: UnsafeBufferPointer<UInt8>
    let limits: JSONLimits
    var index = 0
    var depth = 0
    /// Reused for strings that contain escapes.
    var scratch: [UInt8] = []
    /// Elements and members of the open containers (16 to start: most messages are small; they double).
    var elementStack: ParseStack<JSONValue>
    var memberStack: ParseStack<JSONMember>
    /// Short strings seen in this document (used after `unknownStringsUncached` of them).
    var keyCache = JSONKeyCache()
    /// The protocol's names and common values, and how many other short strings this document had so far.
    let knownStrings = JSONKnownStrings.shared
    var unknownStrings = 0

    /// `elements`, `members`: the stacks' first storage (lent by `parse`, from its stack frame).
    init(bytes: UnsafeBufferPointer<UInt8>, limits: JSONLimits, elements: UnsafeMutableBufferPointer<JSONValue>,
         members: UnsafeMutableBufferPointer<JSONMember>) {
        self.bytes = bytes
        self.limits = limits
        elementStack = ParseStack(lent: elements)
        memberStack = ParseStack(lent: members)
    }

    /// Parses exactly one JSON value, optionally surrounded by whitespace.
    public static func parse(
        _ buffer: UnsafeRawBufferPointer, limits: JSONLimits = .default
    ) throws(JSONError) -> JSONValue {
        // The first elements and members live on the stack: most messages need no heap for them.
        let result = withUnsafeTemporaryAllocation(of: JSONValue.self, capacity: Self.slotsOnStack) { elements in
            withUnsafeTemporaryAllocation(of: JSONMember.self, capacity: Self.slotsOnStack) { members in
                var parser = JSONParser(
                    bytes: buffer.bindMemory(to: UInt8.self), limits: limits, elements: elements, members: members)
                return Result { () throws(JSONError) -> JSONValue in try parser.parseDocument() }
            }
        }
        return try result.get()
    }

    /// Elements and members of open containers held on `parse`'s stack before a stack moves to the heap.
    static var slotsOnStack: Int { 16 }

    /// Parses exactly one JSON value, optionally surrounded by whitespace.
    public static func parse(_ bytes: [UInt8], limits: JSONLimits = .default) throws(JSONError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONError) -> JSONValue in try parse(buffer, limits: limits) }
        }
        return try result.get()
    }

    /// Parses exactly one JSON value, optionally surrounded by whitespace. Offsets in errors
    /// count from the start of the slice.
    public static func parse(_ bytes: ArraySlice<UInt8>, limits: JSONLimits = .default) throws(JSONError) -> JSONValue {
        let result = bytes.withUnsafeBytes { buffer in
            Result { () throws(JSONError) -> JSONValue in try parse(buffer, limits: limits) }
        }
        return try result.get()
    }

    /// Parses exactly one JSON value from the UTF-8 of `text`.
    public static func parse(_ text: String, limits: JSONLimits = .default) throws(JSONError) -> JSONValue {
        var text = text
        let result = text.withUTF8 { buffer in
            Result { () throws(JSONError) -> JSONValue in try parse(UnsafeRawBufferPointer(buffer), limits: limits) }
        }
        return try result.get()
    }

    // MARK: Document and values

    mutating func parseDocument() throws(JSONError) -> JSONValue {
        precondition((1...JSONLimits.depthMaxCeiling).contains(limits.depthMax),
                     "JSONLimits.depthMax must be in 1...\(JSONLimits.depthMaxCeiling)")
        guard bytes.count <= limits.bytesMax else { throw JSONError(code: .inputTooLarge, offset: limits.bytesMax) }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw JSONError(code: .byteOrderMark, offset: 0)
        }
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw JSONError(code: .trailingContent, offset: index) }
        return value
    }

    mutating func parseValue() throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseShortString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "+"), UInt8(ascii: "."): throw JSONError(code: .invalidNumber, offset: index)
        case UInt8(ascii: "N"), UInt8(ascii: "I"): throw JSONError(code: .invalidLiteral, offset: index)
        default: throw unexpectedByte()
        }
    }

    /// The error for the byte at `index`: ill-formed UTF-8 is reported as such.
    func unexpectedByte() -> JSONError {
        if bytes[index] >= 0x80, utf8SequenceLength(at: index) == nil {
            return JSONError(code: .invalidUTF8, offset: index)
        }
        return JSONError(code: .unexpectedCharacter, offset: index)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(JSONError) {
        let start = index
        let text = UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount)
        for expected in text {
            guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
            guard bytes[index] == expected else { throw JSONError(code: .invalidLiteral, offset: start) }
            index += 1
        }
    }

    // MARK: Containers

    mutating func enterContainer() throws(JSONError) {
        depth += 1
        guard depth <= limits.depthMax else { throw JSONError(code: .depthExceeded, offset: index) }
        index += 1
        skipWhitespace()
    }

    mutating func parseArray() throws(JSONError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array([])
        }
        let base = elementStack.count
        while true {
            elementStack.push(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    throw JSONError(code: .trailingComma, offset: index)
                }
            case UInt8(ascii: "]"):
                index += 1
                return .array(elementStack.popArray(from: base))
            default:
                throw unexpectedByte()
            }
        }
    }

    mutating func parseObject() throws(JSONError) -> JSONValue {
        try enterContainer()
        defer { depth -= 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject())
        }
        let base = memberStack.count
        while true {
            guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
            guard bytes[index] == UInt8(ascii: "\"") else { throw unexpectedByte() }
            let key = try parseShortString()
            skipWhitespace()
            guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
            guard bytes[index] == UInt8(ascii: ":") else { throw unexpectedByte() }
            index += 1
            memberStack.push(JSONMember(key: key, value: try parseValue()))
            skipWhitespace()
            guard index < bytes.count else { throw JSONError(code: .unexpectedEnd, offset: index) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    throw JSONError(code: .trailingComma, offset: index)
                }
            case UInt8(ascii: "}"):
                index += 1
                return .object(JSONObject(storage: memberStack.popArray(from: base)))
            default:
                throw unexpectedByte()
            }
        }
    }
}
