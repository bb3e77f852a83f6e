import Wire

/// The handshake and health replies, progress and draft notifications of a scripted engine, written
/// straight into bytes (they are sent for every process life, probe and request); `*JSON` and
/// `segment` give the same values as trees, and a test holds the bytes equal to their serialization.
extension ScriptedEngine {
    package static func initializeLine(id: JSONValue, maxConcurrentRequests: Int) -> [UInt8] {
        var out = RPCLines.start()
        out.appendLiteral("\"id\":")
        out.write(id)
        out.appendLiteral(",\"result\":{\"protocolVersion\":\"1.0\",\"engine\":{\"name\":\"scripted\",\"version\":\"1.0.0\"},")
        out.appendLiteral("\"capabilities\":{\"languages\":[\"en\"],\"drafts\":true,\"wordTimestamps\":false,")
        out.appendLiteral("\"wordConfidence\":false,\"maxConcurrentRequests\":")
        out.write(.number(JSONNumber(maxConcurrentRequests)))
        out.appendLiteral("},\"limits\":{\"maxMessageBytes\":8388608}}")
        return RPCLines.end(&out)
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
        out.appendLiteral("\"id\":")
        out.write(id)
        out.appendLiteral(",\"result\":{\"status\":")
        out.write(string: status)
        out.appendLiteral(",\"detail\":{}}")
        return RPCLines.end(&out)
    }

    package static func healthJSON(status: String) -> JSONValue { ["status": .string(status), "detail": [:]] }
}

extension ScriptedEngine {
    /// `{"jsonrpc":"2.0","method":"progress","params":{"id":…,"fraction":…,"stage":"decoding"}}`
    package static func progressLine(id: JSONValue, permille: UInt64) -> [UInt8] {
        var out = RPCLines.start()
        out.appendLiteral("\"method\":\"progress\",\"params\":{\"id\":")
        out.write(id)
        out.appendLiteral(",\"fraction\":")
        RPCLines.writeThousandths(permille, &out)
        out.appendLiteral(",\"stage\":\"decoding\"}")
        return RPCLines.end(&out)
    }

    /// `{"jsonrpc":"2.0","method":"draft","params":{"id":…,"seq":…,"segment":…}}` with
    /// `segment(segment, audioPath:, draft: true)`.
    package static func draftLine(id: JSONValue, seq: Int, segment: Int, audioPath: String) -> [UInt8] {
        var out = RPCLines.start()
        out.appendLiteral("\"method\":\"draft\",\"params\":{\"id\":")
        out.write(id)
        out.appendLiteral(",\"seq\":")
        RPCLines.writeInt(seq, &out)
        out.appendLiteral(",\"segment\":")
        writeSegment(segment, audioPath: audioPath, draft: true, &out)
        out.appendLiteral("}")
        return RPCLines.end(&out)
    }

    /// The bytes of `segment(index, audioPath:, draft:)`.
    static func writeSegment(_ index: Int, audioPath: String, draft: Bool, _ out: inout JSONSerializer) {
        let start = UInt64(index) * 1_500
        out.appendLiteral("{\"id\":")
        RPCLines.writeInt(index, &out)
        out.appendLiteral(",\"start\":")
        RPCLines.writeThousandths(start, &out)
        out.appendLiteral(",\"end\":")
        RPCLines.writeThousandths(start + 1_500, &out)
        // `"\(draft ? "draft" : "segment") \(index) of \(audioPath)"`: the ASCII prefix needs no escapes.
        if draft { out.appendLiteral(",\"text\":\"draft ") } else { out.appendLiteral(",\"text\":\"segment ") }
        RPCLines.writeInt(index, &out)
        out.appendLiteral(" of ")
        out.writeEscaped(audioPath)
        out.appendLiteral("\",\"words\":[]}")
    }
}
