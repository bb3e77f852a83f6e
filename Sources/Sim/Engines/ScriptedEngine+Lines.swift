import Wire

/// The handshake and health replies, progress and draft notifications of a scripted engine, written
/// straight into bytes (they are sent for every process life, probe and request); `*JSON` and
/// `segment` give the same values as trees, and a test holds the bytes equal to their serialization.
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
        RPCLines.raw("\"id\":", &out)
        out.write(id)
        RPCLines.raw(",\"result\":{\"status\":", &out)
        out.write(string: status)
        RPCLines.raw(",\"detail\":{}}", &out)
        return RPCLines.end(&out)
    }

    package static func healthJSON(status: String) -> JSONValue { ["status": .string(status), "detail": [:]] }
}

extension ScriptedEngine {
    /// `{"jsonrpc":"2.0","method":"progress","params":{"id":…,"fraction":…,"stage":"decoding"}}`
    package static func progressLine(id: JSONValue, permille: UInt64) -> [UInt8] {
        var out = RPCLines.start()
        RPCLines.raw("\"method\":\"progress\",\"params\":{\"id\":", &out)
        out.write(id)
        RPCLines.raw(",\"fraction\":", &out)
        RPCLines.writeThousandths(permille, &out)
        RPCLines.raw(",\"stage\":\"decoding\"}", &out)
        return RPCLines.end(&out)
    }

    /// `{"jsonrpc":"2.0","method":"draft","params":{"id":…,"seq":…,"segment":…}}` with
    /// `segment(segment, audioPath:, draft: true)`.
    package static func draftLine(id: JSONValue, seq: Int, segment: Int, audioPath: String) -> [UInt8] {
        var out = RPCLines.start()
        RPCLines.raw("\"method\":\"draft\",\"params\":{\"id\":", &out)
        out.write(id)
        RPCLines.raw(",\"seq\":", &out)
        RPCLines.writeInt(seq, &out)
        RPCLines.raw(",\"segment\":", &out)
        writeSegment(segment, audioPath: audioPath, draft: true, &out)
        RPCLines.raw("}", &out)
        return RPCLines.end(&out)
    }

    /// The bytes of `segment(index, audioPath:, draft:)`.
    static func writeSegment(_ index: Int, audioPath: String, draft: Bool, _ out: inout JSONSerializer) {
        let start = UInt64(index) * 1_500
        RPCLines.raw("{\"id\":", &out)
        RPCLines.writeInt(index, &out)
        RPCLines.raw(",\"start\":", &out)
        RPCLines.writeThousandths(start, &out)
        RPCLines.raw(",\"end\":", &out)
        RPCLines.writeThousandths(start + 1_500, &out)
        // `"\(draft ? "draft" : "segment") \(index) of \(audioPath)"`: the ASCII prefix needs no escapes.
        if draft { RPCLines.raw(",\"text\":\"draft ", &out) } else { RPCLines.raw(",\"text\":\"segment ", &out) }
        RPCLines.writeInt(index, &out)
        RPCLines.raw(" of ", &out)
        out.writeEscaped(audioPath)
        RPCLines.raw("\",\"words\":[]}", &out)
    }
}
