import Testing
import Wire

@Suite("JSON parser rejections")
struct JSONParserRejectionTests {
    func expectRejection(_ rejection: Rejection) {
        #expect(throws: JSONError(code: rejection.code, offset: rejection.offset)) {
            try JSONParser.parse(rejection.bytes)
        }
    }

    @Test("malformed structure is rejected with its code and offset", arguments: RejectionFixtures.structure)
    func structure(_ rejection: Rejection) { expectRejection(rejection) }

    @Test("misspelt literals, NaN and Infinity are rejected", arguments: RejectionFixtures.literals)
    func literals(_ rejection: Rejection) { expectRejection(rejection) }

    @Test("numbers outside the RFC 8259 grammar are rejected", arguments: RejectionFixtures.numbers)
    func numbers(_ rejection: Rejection) { expectRejection(rejection) }

    @Test("bad escapes, lone surrogates and raw control characters are rejected", arguments: RejectionFixtures.strings)
    func strings(_ rejection: Rejection) { expectRejection(rejection) }

    @Test("ill-formed UTF-8 is rejected", arguments: RejectionFixtures.utf8)
    func utf8(_ rejection: Rejection) { expectRejection(rejection) }

    @Test("nesting deeper than depthMax is rejected at the opening bracket")
    func depth() throws {
        let ok = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        _ = try JSONParser.parse(ok)
        let deep = String(repeating: "[", count: 129) + String(repeating: "]", count: 129)
        #expect(throws: JSONError(code: .depthExceeded, offset: 128)) { try JSONParser.parse(deep) }
        var limits = JSONLimits()
        limits.depthMax = 2
        #expect(throws: JSONError(code: .depthExceeded, offset: 6)) {
            try JSONParser.parse(#"{"a":[{}]}"#, limits: limits)
        }
    }

    @Test("the deepest allowed nesting parses on a test (concurrency) thread")
    func deepestNesting() throws {
        var limits = JSONLimits()
        limits.depthMax = JSONLimits.depthMaxCeiling
        let arrays = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        let objects = String(repeating: #"{"a":"#, count: 512) + "1" + String(repeating: "}", count: 512)
        _ = try JSONParser.parse(arrays, limits: limits)
        _ = try JSONParser.parse(objects, limits: limits)
        #expect(throws: JSONError(code: .depthExceeded, offset: 512)) { try JSONParser.parse("[" + arrays + "]", limits: limits) }
    }

    @Test("input longer than bytesMax is rejected before parsing")
    func size() throws {
        var limits = JSONLimits()
        limits.bytesMax = 4
        #expect(try JSONParser.parse("1234", limits: limits) == 1234)
        #expect(throws: JSONError(code: .inputTooLarge, offset: 4)) { try JSONParser.parse("12345", limits: limits) }
    }

    @Test("error codes have stable string ids")
    func codeIDs() {
        let ids = [JSONError.Code.trailingComma, .invalidUTF8, .depthExceeded, .loneSurrogate, .controlCharacter,
                   .leadingZero, .invalidNumber, .byteOrderMark, .trailingContent, .inputTooLarge].map(\.id)
        #expect(ids == ["trailing_comma", "invalid_utf8", "depth_exceeded", "lone_surrogate", "control_character",
                        "leading_zero", "invalid_number", "byte_order_mark", "trailing_content", "input_too_large"])
        #expect(JSONError(code: .trailingComma, offset: 3).description == "trailing_comma at byte 3")
    }
}
