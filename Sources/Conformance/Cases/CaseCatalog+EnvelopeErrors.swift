import Wire

/// Envelope cases about error replies.
extension CaseCatalog {
    static func methodCaseSensitive(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        for (offset, method) in ["Transcribe", "transcribe ", "health-check", "HEALTH_CHECK"].enumerated() {
            try session.callExpectingError(method, params: [:], id: RPCID(100 + offset), code: -32601, because: "method '\(method)' is unknown")
        }
        return nil
    }

    static func rpcReserved(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.callExpectingError("rpc.discover", id: 110, code: -32601, because: "rpc.* is reserved")
        return nil
    }

    static func unknownMethod(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.callExpectingError("frobnicate", params: ["x": 1], id: 111, code: -32601, because: "unknown method")
        return nil
    }

    static func invalidRequest(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let cases: [(text: String, id: String)] = [
            (#"{"jsonrpc":"2.0","id":121,"method":5}"#, "121"),
            (#"{"jsonrpc":"2.0","id":122,"method":"get_status","params":"x"}"#, "122"),
            (#"{"jsonrpc":"2.0","id":123,"method":"get_status","params":null}"#, "123"),
            (#"{"jsonrpc":"1.0","id":124,"method":"get_status"}"#, "124"),
            (#"{"id":125,"method":"get_status"}"#, "125"),
            (#"{"jsonrpc":2.0,"id":126,"method":"get_status"}"#, "126"),
            (#"{"jsonrpc":"2.0","id":127,"result":0}"#, "127"),
            (#"{"jsonrpc":"2.0","id":true,"method":"get_status"}"#, "null"),
        ]
        for (text, id) in cases {
            let start = session.lines.count
            try session.sendRaw(Array(text.utf8) + [0x0A])
            let found = session.waitForLine(from: start, timeoutMs: context.replyTimeoutMs) { !$0.responses.isEmpty }
            let response = found?.responses.first
            try require(response?.errorCode == -32600 && response?["id"]?.serializedString == id,
                        expected: "error -32600 with id \(id) for \(text)", actual: found?.excerpt() ?? "no reply")
        }
        return nil
    }

    static func invalidParams(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let language: JSONValue = .string(context.profile.language)
        let cases: [(method: String, params: JSONValue)] = [
            ("transcribe", [["audio": ["path": .string(context.fixtures.short)]]]),
            ("transcribe", ["language": language, "options": [:]]),
            ("transcribe", ["audio": ["path": 42], "language": language, "options": [:]]),
            ("transcribe", ["audio": "not-an-object", "language": language]),
            ("transcribe", ["audio": ["path": .string(context.fixtures.short)], "language": 7]),
            ("health_check", [1]),
            ("get_status", ["a", "b"]),
        ]
        for (offset, item) in cases.enumerated() {
            try session.callExpectingError(item.method, params: item.params, id: RPCID(130 + offset), code: -32602,
                                           because: "\(item.method) params \(item.params.serializedString.prefix(70))")
        }
        return nil
    }

    /// Provokes one error of each kind the engine can be asked for; returns the error responses.
    static func provokeErrors(_ context: CaseContext) throws(CaseFailure) -> [(code: Int, response: JSONObject)] {
        let session = try context.launch()
        var found: [(code: Int, response: JSONObject)] = []
        func collect(_ response: JSONObject, _ expected: Int) { found.append((expected, response)) }
        collect(try session.call("get_status", id: 140), -32002)
        try session.initialize()
        collect(try session.call("initialize", params: Message.initializeParams(), id: 141), -32003)
        collect(try session.call("frobnicate", id: 142), -32601)
        collect(try session.call("transcribe", params: [1], id: 143), -32602)
        collect(try session.call("transcribe", params: context.transcribe(context.fixtures.missing), id: 144), -32010)
        collect(try session.call("transcribe", params: context.transcribe(context.fixtures.notAudio), id: 145), -32011)
        collect(try session.call("transcribe", params: context.transcribe(context.fixtures.short, language: "xx-lsconform"), id: 146), -32012)
        return found
    }

    static func errorObject(_ context: CaseContext) throws(CaseFailure) -> String? {
        let errors = try provokeErrors(context).filter { $0.response.contains("error") }
        try require(!errors.isEmpty, expected: "error replies to bad requests", actual: "none")
        for (_, response) in errors {
            let error = response["error"]
            try require(error?["code"]?.intValue != nil && error?["message"]?.stringValue != nil,
                        expected: "an error object with integer code and string message", actual: response.serializedLine)
        }
        return nil
    }

    /// Application errors (-32000..-32099, -32800) among the provoked replies, with their actual codes.
    static func applicationErrors(_ context: CaseContext) throws(CaseFailure) -> [(code: Int, response: JSONObject)] {
        var found: [(code: Int, response: JSONObject)] = []
        for (_, response) in try provokeErrors(context) {
            guard let code = response.errorCode, (-32099 ... -32000).contains(code) || code == -32800 else { continue }
            found.append((code, response))
        }
        return found
    }

    static func errorDataReason(_ context: CaseContext) throws(CaseFailure) -> String? {
        for (code, response) in try applicationErrors(context) {
            try require(response["error"]?["data"]?["reason"]?.stringValue != nil,
                        expected: "error \(code) with data.reason, a string", actual: response.serializedLine)
        }
        return nil
    }

    static func errorDataName(_ context: CaseContext) throws(CaseFailure) -> String? {
        for (code, response) in try applicationErrors(context) where RPCErrorCode(code).isKnown {
            let name = RPCErrorCode(code).id
            try require(response["error"]?["data"]?["name"]?.stringValue == name,
                        expected: "error \(code) with data.name \"\(name)\"", actual: response.serializedLine)
        }
        return nil
    }

    static func servingAfterErrors(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let burst = ["{", "[1,", #"{"jsonrpc":"2.0","id":150,"method":7}"#, #"{"jsonrpc":"2.0","id":151,"method":"nope"}"#,
                     #"{"jsonrpc":"2.0","id":152,"method":"transcribe","params":[]}"#, "\u{7F}garbage"]
        try session.sendRaw(burst.flatMap { Array($0.utf8) + [0x0A] })
        let result = try session.callResult("health_check", id: 153)
        var check = ShapeCheck()
        Shapes.health(result, into: &check)
        try check.require("the health_check result after bad input")
        _ = try session.callResult("get_status", id: 154)
        return nil
    }
}
