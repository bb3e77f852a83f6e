import Testing
import Wire

private func line(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

@Suite("JSON-RPC encoding")
struct RPCEncodingTests {
    @Test("messages encode to one line with members in a fixed order")
    func messageLines() {
        #expect(line(RPCRequest(id: "r1", method: "transcribe", params: ["audio": ["path": "/a.wav"]]).encodedLine())
            == "{\"jsonrpc\":\"2.0\",\"id\":\"r1\",\"method\":\"transcribe\",\"params\":{\"audio\":{\"path\":\"/a.wav\"}}}\n")
        #expect(line(RPCNotification(method: "heartbeat", params: ["seq": 1, "uptimeMs": 20]).encodedLine())
            == "{\"jsonrpc\":\"2.0\",\"method\":\"heartbeat\",\"params\":{\"seq\":1,\"uptimeMs\":20}}\n")
        #expect(line(RPCRequest(id: 2, method: "stop").encodedLine()) == "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"stop\"}\n")
        #expect(line(RPCResponse(id: 2, result: .null).encodedLine()) == "{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":null}\n")
    }

    @Test("the standard error reply has exact bytes")
    func errorReply() {
        #expect(line(RPCResponse.error(id: .null, .messageTooLarge, reason: "line of 9000000 bytes").encodedLine())
            == "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"Message too large\",\"data\":{\"name\":\"message_too_large\",\"reason\":\"line of 9000000 bytes\"}}}\n")
        let version = RPCResponse.error(id: 1, .unsupportedProtocolVersion, reason: "major 2", extra: ["supported": ["1.0"]])
        #expect(line(version.encodedLine())
            == "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32004,\"message\":\"Unsupported protocol version\",\"data\":{\"name\":\"unsupported_protocol_version\",\"reason\":\"major 2\",\"supported\":[\"1.0\"]}}}\n")
        #expect(line(RPCIncoming.emptyBatchResponse.encodedLine())
            == "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":{\"name\":\"invalid_request\",\"reason\":\"empty batch\"}}}\n")
        let invalid = RPCInvalidMessage(id: 3, code: .methodNotString)
        #expect(line(RPCMessage.invalid(invalid).encodedLine())
            == "{\"jsonrpc\":\"2.0\",\"id\":3,\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":{\"name\":\"invalid_request\",\"reason\":\"method must be a string\"}}}\n")
    }

    @Test("batch replies are one array line; no responses means no line")
    func batchLine() throws {
        let responses = [RPCResponse(id: 1, result: true), RPCResponse.error(id: .null, .invalidRequest, reason: "r")]
        let bytes = try #require(RPCResponse.batchLine(responses))
        #expect(line(bytes) == "[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":true},{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"Invalid Request\",\"data\":{\"name\":\"invalid_request\",\"reason\":\"r\"}}}]\n")
        #expect(RPCResponse.batchLine([]) == nil)
    }

    @Test("encoded messages classify back to themselves")
    func roundTrip() throws {
        let messages: [RPCMessage] = [
            .request(RPCRequest(id: .number(JSONNumber(unchecked: "-0")), method: "m", params: [1, "a"])),
            .notification(RPCNotification(method: "progress", params: ["id": 1, "fraction": .double(0.25)])),
            .response(RPCResponse(id: "z", result: ["text": "line\u{2028}sep"])),
            .response(RPCResponse(id: 5, error: RPCError(code: RPCErrorCode(-31999), message: "custom"))),
        ]
        for message in messages {
            var bytes = message.encodedLine()
            #expect(bytes.removeLast() == 0x0A)
            #expect(!bytes.contains(0x0A))
            #expect(RPCMessage(json: try JSONParser.parse(bytes)) == message)
        }
    }

    @Test("every DECISIONS code has its value and stable id; unknown codes stay representable")
    func codeTable() {
        let pairs = RPCErrorCode.all.map { "\($0.value) \($0.id)" }
        #expect(pairs == [
            "-32700 parse_error", "-32600 invalid_request", "-32601 method_not_found", "-32602 invalid_params",
            "-32603 internal_error", "-32000 engine_failure", "-32001 message_too_large", "-32002 not_initialized",
            "-32003 already_initialized", "-32004 unsupported_protocol_version", "-32010 audio_not_found",
            "-32011 audio_unsupported_format", "-32012 language_unsupported", "-32020 busy",
            "-32021 duplicate_request_id", "-32030 shutting_down", "-32800 request_cancelled",
        ])
        #expect(RPCErrorCode(-32001) == .messageTooLarge)
        #expect(RPCErrorCode(-31999).id == "unknown")
        #expect(!RPCErrorCode(-31999).isKnown)
        #expect(RPCError(json: ["code": -31999, "message": "x"])?.code.value == -31999)
    }
}

@Suite("JSON-RPC message JSON")
struct RPCMessageJSONTests {
    @Test("an invalid message has no JSON (Optional.none, not JSONValue.null)")
    func invalidHasNoJSON() {
        let json = RPCMessage.invalid(RPCInvalidMessage(id: .null, code: .notAnObject)).json
        #expect(json == Optional<JSONValue>.none)
        #expect(RPCMessage.request(RPCRequest(id: 1, method: "m")).json == ["jsonrpc": "2.0", "id": 1, "method": "m"])
    }
}
