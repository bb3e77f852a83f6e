import Testing
import Wire

@Suite("JSON parser acceptance")
struct JSONParserAcceptanceTests {
    @Test("number spelling is preserved exactly",
          arguments: ["18446744073709551616", "-0", "1.0", "1E+2", "1e-05", "0.5e10", "-12.500", "0", "123456789012345678901234567890"])
    func numberText(_ text: String) throws {
        #expect(try JSONParser.parse(text) == .number(JSONNumber(unchecked: text)))
        #expect(try JSONParser.parse("[\(text)]").serializedString == "[\(text)]")
    }

    @Test("escapes decode, including surrogate pairs and an escaped slash")
    func escapes() throws {
        let text = #""a\"b\\c\/d\b\f\n\r\t\u00e9\u00E9\ud83d\ude00\u0000""#
        #expect(try JSONParser.parse(text) == .string("a\"b\\c/d\u{8}\u{C}\n\r\té\u{E9}😀\u{0}"))
    }

    @Test("raw U+2028 and U+2029 are accepted inside strings")
    func lineSeparators() throws {
        #expect(try JSONParser.parse("\"a\u{2028}b\u{2029}c\"") == .string("a\u{2028}b\u{2029}c"))
    }

    @Test("non-ASCII text of every UTF-8 length survives, including after long ASCII runs")
    func nonASCII() throws {
        let text = "abcdefghijklmnopqrstuvwxyz é 中文 😀 \u{10FFFF} \u{FEFF} end"
        #expect(try JSONParser.parse("\"\(text)\"") == .string(text))
    }

    @Test("all four whitespace bytes are accepted around tokens")
    func whitespace() throws {
        let value = try JSONParser.parse(" \t\r\n{ \"a\" :\t[ 1 ,\r\n2 ] , \"b\":null}\n ")
        #expect(value == ["a": [1, 2], "b": nil])
    }

    @Test("members keep source order and duplicates; lookup returns the last")
    func memberOrder() throws {
        let value = try JSONParser.parse(#"{"b":1,"a":2,"b":3}"#)
        #expect(value.objectValue?.keys == ["b", "a", "b"])
        #expect(value["b"] == 3)
        #expect(value.serializedString == #"{"b":1,"a":2,"b":3}"#)
    }

    @Test("all entry points agree and report offsets relative to their input")
    func entryPoints() throws {
        let bytes = Array(#"xx[true,false,null,"s",{}]"#.utf8)
        let expected: JSONValue = [true, false, nil, "s", .object(JSONObject())]
        #expect(try JSONParser.parse(bytes[2...]) == expected)
        #expect(try JSONParser.parse(Array(bytes[2...])) == expected)
        #expect(try JSONParser.parse(String(decoding: bytes[2...], as: UTF8.self)) == expected)
        let viaPointer = try bytes[2...].withUnsafeBytes { buffer throws(JSONError) in try JSONParser.parse(buffer) }
        #expect(viaPointer == expected)
        #expect(throws: JSONError(code: .trailingComma, offset: 3)) { try JSONParser.parse(Array("xx[1,]".utf8)[2...]) }
    }
}
