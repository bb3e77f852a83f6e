import Testing
import Wire

@Suite("Line decoder")
struct LineDecoderTests {
    @Test("each line becomes a value or the error to reply with, and the stream keeps going")
    func mixedStream() {
        var decoder = LineDecoder(maxLineBytes: 32)
        var stream = Array(#"{"jsonrpc":"2.0","method":"a"}"#.utf8) + [0x0A]
        stream += Array("[1,]\n".utf8)
        stream += [0x22, 0xC0, 0xAF, 0x22, 0x0A]
        stream += Array(("[" + String(repeating: "1,", count: 20) + "1]\n").utf8)
        stream += Array("\"ok\"\r\n".utf8)
        var results: [Result<JSONValue, WireError>] = []
        for byte in stream { results += decoder.append([byte]) }
        #expect(results == [
            .success(["jsonrpc": "2.0", "method": "a"]),
            .failure(WireError(code: .invalidJSON, byteCount: 4, json: JSONError(code: .trailingComma, offset: 3))),
            .failure(WireError(code: .invalidUTF8, byteCount: 4, json: JSONError(code: .invalidUTF8, offset: 1))),
            .failure(WireError(code: .messageTooLarge, byteCount: 43, limitBytes: 32)),
            .success("ok"),
        ])
        #expect(decoder.finish() == nil)
    }

    @Test("multi-byte UTF-8 split across reads decodes to the same text", arguments: [1, 2, 3, 5])
    func splitUTF8(chunkBytes: Int) {
        let bytes = Array("[\"é中😀\u{2028}\",\"\\u00e9\"]\r\n".utf8)
        var decoder = LineDecoder()
        var results: [Result<JSONValue, WireError>] = []
        var start = 0
        while start < bytes.count {
            results += decoder.append(Array(bytes[start..<min(start + chunkBytes, bytes.count)]))
            start += chunkBytes
        }
        #expect(results == [.success(["é中😀\u{2028}", "é"])])
    }

    @Test("errors carry the JSON-RPC code and exact reply bytes")
    func replies() {
        let tooLarge = WireError(code: .messageTooLarge, byteCount: 9_000_000, limitBytes: 8_388_608)
        #expect(tooLarge.rpcCode == .messageTooLarge)
        #expect(String(decoding: tooLarge.errorResponse.encodedLine(), as: UTF8.self)
            == "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"Message too large\",\"data\":{\"name\":\"message_too_large\",\"reason\":\"message_too_large: line of 9000000 bytes exceeds the limit of 8388608 bytes\",\"limitBytes\":8388608}}}\n")
        let invalid = WireError(code: .invalidJSON, byteCount: 4, json: JSONError(code: .trailingComma, offset: 3))
        #expect(invalid.rpcCode == .parseError)
        #expect(String(decoding: invalid.errorResponse.encodedLine(), as: UTF8.self)
            == "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error\",\"data\":{\"name\":\"parse_error\",\"reason\":\"invalid_json: trailing_comma at byte 3\"}}}\n")
        #expect(WireError(code: .invalidUTF8, byteCount: 1).rpcCode == .parseError)
    }

    @Test("an oversized line at end of input and a line over the parser's bytesMax are message_too_large")
    func oversizedVariants() {
        var decoder = LineDecoder(maxLineBytes: 4)
        #expect(decoder.append(Array("123456".utf8)) == [])
        #expect(decoder.finish() == WireError(code: .messageTooLarge, byteCount: 6, limitBytes: 4))
        var limits = JSONLimits()
        limits.bytesMax = 2
        var strict = LineDecoder(maxLineBytes: 10, limits: limits)
        #expect(strict.append(Array("123\n".utf8)) == [.failure(WireError(
            code: .messageTooLarge, byteCount: 3, json: JSONError(code: .inputTooLarge, offset: 2), limitBytes: 2))])
    }

    @Test("changing maxLineBytes applies to the framer and the parser from the next line on")
    func negotiatedLimit() {
        var decoder = LineDecoder()
        decoder.maxLineBytes = 3
        #expect(decoder.limits.bytesMax == 3)
        #expect(decoder.append(Array("123\n1234\n".utf8))
            == [.success(123), .failure(WireError(code: .messageTooLarge, byteCount: 4, limitBytes: 3))])
    }

    @Test("a partial line at end of input is a truncated_message")
    func truncated() {
        var decoder = LineDecoder()
        #expect(decoder.append(Array("1\n{\"a\"".utf8)) == [.success(1)])
        #expect(decoder.finish() == WireError(code: .truncatedMessage, byteCount: 4))
    }

    @Test("the parser's size limit follows maxLineBytes unless limits are given")
    func derivedLimits() {
        #expect(LineDecoder(maxLineBytes: 100).limits.bytesMax == 100)
        var limits = JSONLimits()
        limits.depthMax = 1
        var decoder = LineDecoder(maxLineBytes: 100, limits: limits)
        #expect(decoder.append(Array("[[1]]\n".utf8))
            == [.failure(WireError(code: .invalidJSON, byteCount: 5, json: JSONError(code: .depthExceeded, offset: 1)))])
    }
}
