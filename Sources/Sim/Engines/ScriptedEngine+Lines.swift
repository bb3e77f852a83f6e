import Wire

/// The handshake and health replies of a scripted engine, written straight into bytes (they are sent
/// for every process life and probe); `*JSON` give the same results as trees, and a test holds the
/// bytes equal to their serialization.
extension ScriptedEngine {
    package static func initializeLine(id: JSONValue, maxConcurrentRequests: Int) -> [UInt8] {
        var out = RPCLines.start()
        RPCLines.raw("\"id\":", &out)
        out.write(id)
        RPCLines.raw(",\"result\":{\"protocolVersion\":\"1.0\",\"engine\":{\"name\":\"scripted\",\"version\":\"1.0.0\"},", &out)
        RPCLines.raw("\"capabilities\":{\"languages\":[\"en\"],\"drafts\":true,\"wordTimestamps\":false,", &out)
        RPCLines.raw("\"wordConfidence\":false,\"maxConcurrentRequests\":", &out)
        out.write(.number(JSONNumber(maxConcurrentRequests)))
        RPCLines.raw("},\"limits\":{\"maxMessageBytes\":8388608}}", &out)
        return RPCLines.end(out)
    }

    package static func initializeJSON(maxConcurrentRequests: Int) -> JSONValue {
        [
            "protocolVersion": "1.0",
            "engine": ["name": "scripted", "version": "1.0.0"],
            "capabilities": [
                "languages": ["en"], "drafts": true, "wordTimestamps": false, "wordConfidence": false,
                "maxConcurrentRequests": .number(JSONNumber(maxConcurrentRequests)),
            ],
            "limits": ["maxMessageBytes": .number(JSONNumber(8_388_608))],
        ]
    }

    package static func healthLine(id: JSONValue, status: String) -> [UInt8] {
        var out = RPCLines.start()
        RPCLines.raw("\"id\":", &out)
        out.write(id)
        RPCLines.raw(",\"result\":{\"status\":", &out)
        out.write(string: status)
        RPCLines.raw(",\"detail\":{}}", &out)
        return RPCLines.end(out)
    }

    package static func healthJSON(status: String) -> JSONValue { ["status": .string(status), "detail": [:]] }
}
