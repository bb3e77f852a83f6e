import Wire

/// SPEC section 3: messages, ids, notifications, method names, error objects, standard errors.
extension CaseCatalog {
    static let envelope: [ConformanceCase] = [
        .init("envelope/jsonrpc-member", rule: "3.1-MUST-1", "every message the engine writes carries \"jsonrpc\":\"2.0\"", jsonrpcMember),
        .init("envelope/response-members", rule: "3.1-MUST-3", "responses hold id and exactly one of result/error; stop has \"result\":null", responseMembers),
        .init("envelope/unknown-members-ignored", rule: "3.1-MUST-4", "unknown members in envelope, params and clientInfo are ignored", unknownMembersIgnored),
        .init("envelope/no-engine-requests", rule: "3.1-MUST-NOT-1", "the engine sends only responses and notifications", noEngineRequests),
        .init("envelope/id-beyond-64-bits", rule: "3.2-MUST-2", "ids 18446744073709551616 and a 30-digit id echo digit for digit", idBeyond64Bits),
        .init("envelope/id-number-forms", rule: "3.2-MUST-2", "ids -7, 1.0, 1e3, 0.5 echo with the same token text", idNumberForms),
        .init("envelope/id-strings", rule: "3.2-MUST-2", "string ids \"1\", \"\" and non-ASCII stay identical strings", idStrings),
        .init("envelope/id-null", rule: "3.2-MUST-1", "a request with id null is answered with id null", idNull),
        .init("envelope/notifications-unanswered", rule: "3.3-MUST-NOT-1", "notifications get no reply, whatever is wrong with them", notificationsUnanswered),
        .init("envelope/method-case-sensitive", rule: "3.4-MUST-1", "Transcribe, \"transcribe \" and health-check are unknown (-32601)", methodCaseSensitive),
        .init("envelope/rpc-reserved", rule: "3.4-MUST-2", "rpc.discover gets -32601", rpcReserved),
        .init("envelope/unknown-method", rule: "3.6-MUST-2", "an unknown method gets -32601 with the request id", unknownMethod),
        .init("envelope/invalid-request", rule: "3.6-MUST-1", "malformed request objects get -32600 with their id (null when unreadable)", invalidRequest),
        .init("envelope/invalid-params", rule: "3.6-MUST-3", "array params, missing or mistyped members get -32602", invalidParams),
        .init("envelope/error-object", rule: "3.5-MUST-1", "error objects have an integer code and a string message", errorObject),
        .init("envelope/error-data-reason", rule: "3.5-MUST-2", "application errors carry data.reason (a string)", errorDataReason),
        .init("envelope/error-data-name", rule: "3.5-SHOULD-1", "application errors carry data.name, the code's stable name", errorDataName),
        .init("envelope/serving-after-errors", rule: "3.6-MUST-4", "after a burst of bad input the next request is answered", servingAfterErrors),
        .init("envelope/schemas", rule: "12.1-MUST-1", "every message of a full session validates against its schema", schemas),
    ]

    static func schemas(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try CaseSupport.ordinarySession(context, heartbeatMs: 100)
        let methods: [RPCID: String] = [2: "health_check", 3: "get_status", 4: "get_metrics", 6: "transcribe", "lsconform-init": "initialize"]
        var check = ShapeCheck()
        for line in session.lines {
            let messages: [JSONValue] = line.json?.arrayValue ?? (line.json.map { [$0] } ?? [])
            for message in messages {
                Shapes.outgoing(message, into: &check)
                guard let id = message.objectValue?.responseID, let result = message["result"], let method = methods[id] else { continue }
                switch method {
                case "initialize": Shapes.initializeResult(result, into: &check)
                case "health_check": Shapes.health(result, into: &check)
                case "get_status": Shapes.status(result, into: &check)
                case "get_metrics": Shapes.metrics(result, into: &check)
                default: Shapes.transcribeResult(result, into: &check)
                }
            }
        }
        try check.require("every message")
        return nil
    }

    static func jsonrpcMember(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try CaseSupport.ordinarySession(context, heartbeatMs: 100)
        for line in session.lines {
            let objects: [JSONObject] = line.json?.objectValue.map { [$0] } ?? line.json?.arrayValue?.compactMap(\.objectValue) ?? []
            for object in objects {
                try require(object["jsonrpc"] == .string("2.0"), expected: "\"jsonrpc\":\"2.0\" in every message",
                            actual: line.excerpt())
            }
        }
        return nil
    }

    static func responseMembers(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try CaseSupport.ordinarySession(context)
        for response in CaseSupport.allResponses(session) {
            try require(response.contains("result") != response.contains("error"),
                        expected: "exactly one of result and error", actual: response.serializedLine)
        }
        let stop = session.responses(to: 8).first?.response
        try require(stop?.contains("result") == true && stop?["result"] == .null,
                    expected: "the stop reply has \"result\":null", actual: stop?.serializedLine ?? "no stop reply")
        return nil
    }

    static func unknownMembersIgnored(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launch()
        var params = Message.initializeParams()
        if case .object(var object) = params {
            object["futureMember"] = ["nested": [1, 2]]
            object["clientInfo"] = ["name": "lsconform", "version": "0.1.0", "homepage": "https://example.invalid"]
            params = .object(object)
        }
        try session.send(Message.json(#"{"jsonrpc":"2.0","id":"i","method":"initialize","x-trace":"abc","params":"#
            + params.serializedString + "}"))
        _ = try session.result(of: try session.reply(to: "i", what: "initialize with unknown members"), what: "initialize")
        try session.send(Message.json(#"{"jsonrpc":"2.0","id":91,"method":"health_check","params":{"verbose":true},"meta":{"a":1}}"#))
        _ = try session.result(of: try session.reply(to: 91, what: "health_check with unknown members"), what: "health_check")
        var transcribe = context.transcribe(context.fixtures.short)
        if case .object(var object) = transcribe {
            object["priority"] = "high"
            transcribe = .object(object)
        }
        _ = try session.result(of: try session.call("transcribe", params: transcribe, id: 92), what: "transcribe with unknown members")
        return nil
    }

    static func noEngineRequests(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try CaseSupport.ordinarySession(context, heartbeatMs: 100)
        for line in session.lines {
            if let object = line.json?.objectValue {
                try require(!(object.contains("method") && object.contains("id")), expected: "no request from the engine",
                            actual: line.excerpt())
            }
        }
        return nil
    }

    /// Sends each id with `get_status` and requires each echoed exactly (3.2-MUST-2).
    static func requireEchoes(_ context: CaseContext, texts: [String]) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        for text in texts {
            try session.sendRaw(Array(#"{"jsonrpc":"2.0","id":\#(text),"method":"get_status"}"#.utf8) + [0x0A])
        }
        try session.barrier()
        for text in texts {
            let echoed = session.lines.contains { line in
                line.responses.contains { $0["id"]?.serializedString == text }
            }
            let got = session.lines.compactMap { $0.json?["id"]?.serializedString }.filter { !$0.contains("lsconform") }
            try require(echoed, expected: "id \(text) echoed exactly", actual: "ids seen: " + got.joined(separator: ", "))
        }
        return nil
    }

    static func idBeyond64Bits(_ context: CaseContext) throws(CaseFailure) -> String? {
        try requireEchoes(context, texts: ["18446744073709551616", "123456789012345678901234567890", "-9223372036854775809"])
    }

    static func idNumberForms(_ context: CaseContext) throws(CaseFailure) -> String? {
        try requireEchoes(context, texts: ["-7", "1.0", "1e3", "0.5"])
    }

    static func idStrings(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        for id: RPCID in ["1", "", "é 中 😀", "with \"quotes\" and \\"] {
            let response = try session.call("get_status", id: id)
            try require(response.responseID == id && response["id"]?.stringValue != nil,
                        expected: "string id \(id) echoed as the same string", actual: response["id"]?.serializedString ?? "none")
        }
        return nil
    }

    static func idNull(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let response = try session.call("get_status", id: .null)
        _ = try session.result(of: response, what: "get_status with id null")
        return nil
    }

    static func notificationsUnanswered(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        let start = session.lines.count
        let texts = [#"{"jsonrpc":"2.0","method":"no_such_notification"}"#,
                     #"{"jsonrpc":"2.0","method":"no_such_notification","params":{"a":1}}"#,
                     #"{"jsonrpc":"2.0","method":"health_check"}"#,
                     #"{"jsonrpc":"2.0","method":"get_status","params":[1,2]}"#,
                     #"{"jsonrpc":"2.0","method":"cancel","params":{}}"#,
                     #"{"jsonrpc":"2.0","method":"cancel","params":{"id":987654}}"#,
                     #"{"jsonrpc":"2.0","method":"transcribe","params":{"audio":5}}"#]
        try session.sendRaw(texts.flatMap { Array($0.utf8) + [0x0A] })
        try session.barrier(graceMs: 100)
        try CaseSupport.requireNoOtherResponses(session, from: start, allowed: [], because: "notifications are never answered")
        return nil
    }
}
