import Testing
import Wire

/// One input the parser must reject, with the code and byte offset it must report.
struct Rejection: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let code: JSONError.Code
    let offset: Int

    init(_ name: String, _ text: String, _ code: JSONError.Code, at offset: Int) {
        self.init(name, Array(text.utf8), code, at: offset)
    }

    init(_ name: String, _ bytes: [UInt8], _ code: JSONError.Code, at offset: Int) {
        self.name = name
        self.bytes = bytes
        self.code = code
        self.offset = offset
    }

    var testDescription: String { name }
}

enum RejectionFixtures {
    static let structure: [Rejection] = [
        Rejection("empty input", "", .unexpectedEnd, at: 0),
        Rejection("only whitespace", "  \n", .unexpectedEnd, at: 3),
        Rejection("trailing comma in array", "[1,]", .trailingComma, at: 3),
        Rejection("trailing comma in array before whitespace", "[1, ]", .trailingComma, at: 4),
        Rejection("trailing comma in object", #"{"a":1,}"#, .trailingComma, at: 7),
        Rejection("missing comma", "[1 2]", .unexpectedCharacter, at: 3),
        Rejection("non-string key", "{1:2}", .unexpectedCharacter, at: 1),
        Rejection("missing colon", #"{"a" 1}"#, .unexpectedCharacter, at: 5),
        Rejection("unclosed array", "[", .unexpectedEnd, at: 1),
        Rejection("unclosed object", #"{"a":1"#, .unexpectedEnd, at: 6),
        Rejection("unclosed string", #""abc"#, .unexpectedEnd, at: 4),
        Rejection("second top-level value", "1 2", .trailingContent, at: 2),
        Rejection("garbage after value", "[1]x", .trailingContent, at: 3),
        Rejection("byte order mark", [0xEF, 0xBB, 0xBF, 0x31], .byteOrderMark, at: 0),
        Rejection("form feed as whitespace", "\u{0C}1", .unexpectedCharacter, at: 0),
        Rejection("vertical tab as whitespace", "[1,\u{0B}2]", .unexpectedCharacter, at: 3),
        Rejection("no-break space as whitespace", [0xC2, 0xA0, 0x31], .unexpectedCharacter, at: 0),
        Rejection("invalid UTF-8 outside strings", [0x5B, 0xFF, 0x5D], .invalidUTF8, at: 1),
        Rejection("single quotes", "'a'", .unexpectedCharacter, at: 0),
    ]

    static let literals: [Rejection] = [
        Rejection("NaN", "NaN", .invalidLiteral, at: 0),
        Rejection("Infinity", "Infinity", .invalidLiteral, at: 0),
        Rejection("-Infinity", "-Infinity", .invalidNumber, at: 1),
        Rejection("truncated true", "tru", .unexpectedEnd, at: 3),
        Rejection("misspelt true", "trux", .invalidLiteral, at: 0),
        Rejection("capitalised null", "Null", .invalidLiteral, at: 0),
        Rejection("literal followed by letters", "nullx", .trailingContent, at: 4),
    ]

    static let numbers: [Rejection] = [
        Rejection("leading zero", "01", .leadingZero, at: 0),
        Rejection("negative leading zero", "-01", .leadingZero, at: 1),
        Rejection("double zero", "00", .leadingZero, at: 0),
        Rejection("plus sign", "+1", .invalidNumber, at: 0),
        Rejection("no integer part", ".5", .invalidNumber, at: 0),
        Rejection("no fraction digits", "1.", .invalidNumber, at: 2),
        Rejection("no fraction digits before exponent", "1.e5", .invalidNumber, at: 2),
        Rejection("no exponent digits", "1e", .invalidNumber, at: 2),
        Rejection("signed exponent without digits", "1e+", .invalidNumber, at: 3),
        Rejection("lone minus", "-", .invalidNumber, at: 1),
        Rejection("minus then letter", "-a", .invalidNumber, at: 1),
        Rejection("hexadecimal", "0x10", .trailingContent, at: 1),
        Rejection("second dot", "1.2.3", .trailingContent, at: 3),
    ]

    static let strings: [Rejection] = [
        Rejection("lone high surrogate", #""\ud800""#, .loneSurrogate, at: 1),
        Rejection("high surrogate then letter escape", #""\ud800\u0041""#, .loneSurrogate, at: 1),
        Rejection("high surrogate then text", #""\ud800x""#, .loneSurrogate, at: 1),
        Rejection("two high surrogates", #""\ud800\ud800""#, .loneSurrogate, at: 1),
        Rejection("lone low surrogate", #""\udc00""#, .loneSurrogate, at: 1),
        Rejection("raw NUL", [0x22, 0x00, 0x22], .controlCharacter, at: 1),
        Rejection("raw U+0001", "\"a\u{01}\"", .controlCharacter, at: 2),
        Rejection("raw newline", "\"a\nb\"", .controlCharacter, at: 2),
        Rejection("raw tab", "\"a\tb\"", .controlCharacter, at: 2),
        Rejection("raw U+001F", "\"\u{1F}\"", .controlCharacter, at: 1),
        Rejection("unknown escape", #""\x""#, .invalidEscape, at: 1),
        Rejection("bad hex digit", #""ab\u12G4""#, .invalidEscape, at: 3),
        Rejection("short unicode escape", #""\u12""#, .invalidEscape, at: 1),
        Rejection("escape at end of input", #""\"#, .unexpectedEnd, at: 2),
    ]

    static let utf8: [Rejection] = [
        Rejection("overlong two-byte slash", [0x22, 0xC0, 0xAF, 0x22], .invalidUTF8, at: 1),
        Rejection("overlong three-byte", [0x22, 0xE0, 0x80, 0xAF, 0x22], .invalidUTF8, at: 1),
        Rejection("overlong four-byte", [0x22, 0xF0, 0x80, 0x80, 0xAF, 0x22], .invalidUTF8, at: 1),
        Rejection("UTF-8 encoded high surrogate", [0x22, 0xED, 0xA0, 0x80, 0x22], .invalidUTF8, at: 1),
        Rejection("UTF-8 encoded low surrogate", [0x22, 0xED, 0xBF, 0xBF, 0x22], .invalidUTF8, at: 1),
        Rejection("above U+10FFFF", [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], .invalidUTF8, at: 1),
        Rejection("lead byte F5", [0x22, 0xF5, 0x80, 0x80, 0x80, 0x22], .invalidUTF8, at: 1),
        Rejection("byte FF", [0x22, 0x61, 0xFF, 0x22], .invalidUTF8, at: 2),
        Rejection("lone continuation byte", [0x22, 0x80, 0x22], .invalidUTF8, at: 1),
        Rejection("truncated before quote", [0x22, 0xE2, 0x82, 0x22], .invalidUTF8, at: 1),
        Rejection("truncated at end of input", [0x22, 0xE2, 0x82], .invalidUTF8, at: 1),
        Rejection("truncated four-byte", [0x22, 0xF0, 0x9F, 0x98, 0x22], .invalidUTF8, at: 1),
        Rejection("invalid byte after long ASCII run", Array("\"abcdefghijklmnop".utf8) + [0xC1, 0x22],
                  .invalidUTF8, at: 17),
    ]
}
