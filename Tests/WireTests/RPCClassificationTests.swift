import Testing
import Wire

private func classify(_ text: String) throws -> RPCMessage {
    RPCMessage(json: try JSONParser.parse(text))
}

private func invalid(_ id: RPCID, _ code: RPCInvalidMessage.Code) -> RPCMessage {
    .invalid(RPCInvalidMessage(id: id, code: code))
}

@Suite("JSON-RPC classification")
struct RPCClassificationTests {
    @Test("requests, notifications and responses are told apart")
    func validShapes() throws {
        #expect(try classify(#"{"jsonrpc":"2.0","id":1,"method":"get_status"}"#)
            == .request(RPCRequest(id: 1, method: "get_status")))
        #expect(try classify(#"{"jsonrpc":"2.0","id":null,"method":"m","params":[1]}"#)
            == .request(RPCRequest(id: .null, method: "m", params: [1])))
        #expect(try classify(#"{"method":"cancel","params":{"id":"a"},"jsonrpc":"2.0","extra":true}"#)
            == .notification(RPCNotification(method: "cancel", params: ["id": "a"])))
        #expect(try classify(#"{"jsonrpc":"2.0","id":"x","result":null}"#)
            == .response(RPCResponse(id: "x", result: .null)))
        #expect(try classify(#"{"jsonrpc":"2.0","id":7,"error":{"code":-32800,"message":"m","data":{"reason":"r"}}}"#)
            == .response(RPCResponse(id: 7, error: RPCError(code: .requestCancelled, message: "m", data: ["reason": "r"]))))
    }

    @Test("ids keep their raw number text")
    func rawIDs() throws {
        let message = try classify(#"{"jsonrpc":"2.0","id":18446744073709551616,"method":"m"}"#)
        guard case .request(let request) = message else { Issue.record("not a request: \(message)"); return }
        #expect(request.id == .number(JSONNumber(unchecked: "18446744073709551616")))
        #expect(request.id != .number(JSONNumber(unchecked: "1.8446744073709552e19")))
        #expect(RPCID.number(JSONNumber(unchecked: "1.0")) != RPCID(1))
        #expect(RPCID.string("1") != RPCID(1))
        #expect(String(decoding: RPCResponse(id: request.id, result: .null).encodedLine(), as: UTF8.self)
            == "{\"jsonrpc\":\"2.0\",\"id\":18446744073709551616,\"result\":null}\n")
    }

    @Test("every invalid-request shape gets its code and the id when readable", arguments: [
        (#"{"jsonrpc":"2.0","method":1,"params":"bar"}"#, RPCID.null, RPCInvalidMessage.Code.methodNotString),
        (#"{"jsonrpc":"2.0","id":3,"method":1}"#, RPCID(3), .methodNotString),
        (#"{"jsonrpc":"2.0","id":"a","method":"m","params":"s"}"#, RPCID.string("a"), .invalidParams),
        (#"{"jsonrpc":"2.0","id":4,"method":"m","params":null}"#, RPCID(4), .invalidParams),
        (#"{"jsonrpc":"2.0","id":4,"method":"m","params":7}"#, RPCID(4), .invalidParams),
        (#"{"jsonrpc":"1.0","id":5,"method":"m"}"#, RPCID(5), .invalidVersion),
        (#"{"jsonrpc":2.0,"id":5,"method":"m"}"#, RPCID(5), .invalidVersion),
        (#"{"id":6,"method":"m"}"#, RPCID(6), .invalidVersion),
        (#"{"jsonrpc":"2.0","id":{"a":1},"method":"m"}"#, RPCID.null, .invalidID),
        (#"{"jsonrpc":"2.0","id":[1],"method":"m"}"#, RPCID.null, .invalidID),
        (#"{"jsonrpc":"2.0","id":true,"method":"m"}"#, RPCID.null, .invalidID),
        (#"{"jsonrpc":"2.0","id":8}"#, RPCID(8), .missingMethodOrResult),
        (#"{"jsonrpc":"2.0","id":8,"result":1,"error":{"code":1,"message":"m"}}"#, RPCID(8), .resultAndError),
        (#"{"jsonrpc":"2.0","id":9,"error":{"code":"x","message":"m"}}"#, RPCID(9), .invalidErrorObject),
        (#"{"jsonrpc":"2.0","id":9,"error":{"code":-1.5,"message":"m"}}"#, RPCID(9), .invalidErrorObject),
        (#"{"jsonrpc":"2.0","result":1}"#, RPCID.null, .responseWithoutID),
        ("1", RPCID.null, .notAnObject),
        (#""x""#, RPCID.null, .notAnObject),
        ("null", RPCID.null, .notAnObject),
    ])
    func invalidShapes(text: String, id: RPCID, code: RPCInvalidMessage.Code) throws {
        #expect(try classify(text) == invalid(id, code))
    }

    @Test("batches: empty, all invalid, all notifications, mixed")
    func batches() throws {
        #expect(RPCIncoming(json: try JSONParser.parse("[]")) == .emptyBatch)
        #expect(RPCIncoming(json: try JSONParser.parse("[1,2,3]"))
            == .batch([invalid(.null, .notAnObject), invalid(.null, .notAnObject), invalid(.null, .notAnObject)]))
        let notifications = try JSONParser.parse(#"[{"jsonrpc":"2.0","method":"a"},{"jsonrpc":"2.0","method":"b"}]"#)
        #expect(RPCIncoming(json: notifications)
            == .batch([.notification(RPCNotification(method: "a")), .notification(RPCNotification(method: "b"))]))
        let mixed = try JSONParser.parse(#"[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"b"},{"foo":1},[]]"#)
        #expect(RPCIncoming(json: mixed) == .batch([
            .request(RPCRequest(id: 1, method: "a")), .notification(RPCNotification(method: "b")),
            invalid(.null, .invalidVersion), invalid(.null, .notAnObject),
        ]))
        #expect(RPCIncoming(json: try JSONParser.parse(#"{"jsonrpc":"2.0","method":"a"}"#))
            == .single(.notification(RPCNotification(method: "a"))))
    }
}

@Suite("JSON-RPC classification for engines")
struct RPCEngineInputTests {
    @Test("anything without a method is invalid for an engine, with the id when readable", arguments: [
        (#"{"jsonrpc":"2.0","id":7,"result":null}"#, RPCID(7)),
        (#"{"jsonrpc":"2.0","id":"e","error":{"code":-32000,"message":"m"}}"#, RPCID.string("e")),
        (#"{"jsonrpc":"2.0","id":8}"#, RPCID(8)),
        (#"{"jsonrpc":"2.0","result":1}"#, RPCID.null),
        (#"{"jsonrpc":"2.0","id":9,"result":1,"error":{}}"#, RPCID(9)),
    ])
    func responsesAreInvalid(text: String, id: RPCID) throws {
        let message = RPCMessage(engineInput: try JSONParser.parse(text))
        #expect(message == .invalid(RPCInvalidMessage(id: id, code: .missingMethod)))
    }

    @Test("requests, notifications and other invalid shapes classify as usual")
    func unchanged() throws {
        for text in [#"{"jsonrpc":"2.0","id":1,"method":"m"}"#, #"{"jsonrpc":"2.0","method":"m"}"#,
                     #"{"jsonrpc":"1.0","id":1,"method":"m"}"#, "42"] {
            let json = try JSONParser.parse(text)
            #expect(RPCMessage(engineInput: json) == RPCMessage(json: json), "\(text)")
        }
    }

    @Test("batches for engines classify each element the engine way")
    func batches() throws {
        #expect(RPCIncoming(engineInput: try JSONParser.parse("[]")) == .emptyBatch)
        let batch = try JSONParser.parse(#"[{"jsonrpc":"2.0","id":1,"result":2},{"jsonrpc":"2.0","method":"m"},5]"#)
        #expect(RPCIncoming(engineInput: batch) == .batch([
            .invalid(RPCInvalidMessage(id: 1, code: .missingMethod)), .notification(RPCNotification(method: "m")),
            .invalid(RPCInvalidMessage(id: .null, code: .notAnObject)),
        ]))
    }
}
