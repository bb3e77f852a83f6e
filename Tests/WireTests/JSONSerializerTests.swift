import Testing
import Wire

@Suite("JSON serializer")
struct JSONSerializerTests {
    @Test("output is compact, in stored member order, with the required escapes only")
    func compactBytes() {
        let value: JSONValue = ["z": "x\"\\/\n\u{1}\u{2028}\u{2029}é中😀", "a": [1, true, false, nil, [:], []]]
        let expected = #"{"z":"x\"\\/\n\u0001\u2028\u2029é中😀","a":[1,true,false,null,{},[]]}"#
        #expect(value.serializedBytes() == Array(expected.utf8))
        #expect(value.serializedString == expected)
    }

    @Test("each control character has its exact escape")
    func controlCharacters() {
        var expected = ""
        let short: [UInt8: String] = [8: #"\b"#, 9: #"\t"#, 10: #"\n"#, 12: #"\f"#, 13: #"\r"#]
        let hex = Array("0123456789abcdef")
        for byte in UInt8(0)..<0x20 {
            expected += short[byte] ?? "\\u00\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
        }
        let text = String(decoding: Array(UInt8(0)..<0x20), as: UTF8.self)
        #expect(JSONValue.string(text).serializedString == "\"\(expected)\"")
        #expect(JSONValue.string("\u{1F}\u{7F}").serializedString == #""\u001f\#u{7F}""#)
    }

    @Test("escapes are found at every position around the eight-byte scan",
          arguments: [("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{1}", #"\u0001"#), ("\u{2028}", #"\u2028"#),
                      ("\u{2029}", #"\u2029"#), ("\u{2027}", "\u{2027}"), ("é", "é"), ("\u{7F}", "\u{7F}")])
    func escapePositions(character: String, escaped: String) {
        for position in 0..<18 {
            let prefix = String(repeating: "a", count: position)
            let suffix = String(repeating: "b", count: 17 - position)
            let value = JSONValue.string(prefix + character + suffix)
            #expect(value.serializedString == "\"" + prefix + escaped + suffix + "\"", "position \(position)")
        }
    }

    @Test("numbers are written as their text")
    func numbers() throws {
        let value: JSONValue = [.number(JSONNumber(unchecked: "1E+2")), .number(JSONNumber(unchecked: "-0")),
                                .number(JSONNumber(UInt64.max)), .number(JSONNumber(Int64.min))]
        #expect(value.serializedString == "[1E+2,-0,18446744073709551615,-9223372036854775808]")
    }

    @Test("serialize(into:) appends to existing bytes")
    func appending() {
        var bytes = Array("x".utf8)
        JSONValue.array(["a"]).serialize(into: &bytes)
        #expect(bytes == Array(#"x["a"]"#.utf8))
    }

    @Test("doubles print as the shortest round-trip text; integral values keep .0",
          arguments: [(2.0, "2.0"), (-0.0, "-0.0"), (0.1, "0.1"), (1e16, "1e+16"), (1e-5, "1e-05"),
                      (123.456, "123.456"), (Double.leastNonzeroMagnitude, "5e-324"), (1.7976931348623157e308, "1.7976931348623157e+308"),
                      (0.3333333333333333, "0.3333333333333333")])
    func doubles(value: Double, text: String) throws {
        let number = try #require(JSONNumber(value))
        #expect(number.text == text)
        #expect(number.double == value)
        #expect(JSONNumber(validating: number.text) != nil)
    }

    @Test("non-finite doubles have no JSON number")
    func nonFinite() {
        #expect(JSONNumber(Double.nan) == nil)
        #expect(JSONNumber(Double.infinity) == nil)
        #expect(JSONNumber(-Double.infinity) == nil)
        #expect(JSONValue.double(.nan) == .null)
        #expect(JSONValue.double(0.5) == .number(JSONNumber(unchecked: "0.5")))
    }

    @Test("validating accepts exactly the RFC 8259 number grammar",
          arguments: [("0", true), ("-0", true), ("1E+2", true), ("18446744073709551616", true), ("1.5e-3", true),
                      ("", false), ("+1", false), ("01", false), (".5", false), ("1.", false), ("1e", false),
                      (" 1", false), ("1 ", false), ("NaN", false), ("0x1", false), ("-", false)])
    func validating(text: String, valid: Bool) {
        #expect((JSONNumber(validating: text) != nil) == valid)
        #expect(JSONNumber(validating: text)?.text == (valid ? text : nil))
    }
}
