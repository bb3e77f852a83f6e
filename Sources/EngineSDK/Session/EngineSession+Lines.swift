import Wire

/// The two lines every transcription writes, encoded straight to bytes instead of through a
/// `JSONValue` tree: the same bytes as `RPCNotification.encodedLine()` and `RPCResponse.encodedLine()`
/// give for the equivalent values (the tests compare both ways), at a fraction of the cost.
extension EngineSession {
    /// `{"jsonrpc":"2.0","method":"progress","params":{"id":…,"fraction":…,"stage":…}}` and `\n`.
    package static func progressLine(id: RPCID, fraction: Double, stage: String) -> [UInt8] {
        var out = JSONSerializer()
        out.bytes.reserveCapacity(96 + stage.utf8.count)
        out.appendLiteral(#"{"jsonrpc":"2.0","method":"progress","params":{"id":"#)
        out.write(id.json)
        out.appendLiteral(#","fraction":"#)
        out.writeDouble(fraction)
        out.appendLiteral(#","stage":"#)
        out.write(string: stage)
        out.appendLiteral("}}\n")
        return out.bytes
    }

    /// The success reply of a transcription: `{"jsonrpc":"2.0","id":…,"result":{"language",
    /// "duration","segments","metrics"}}` and `\n`, as `resultJSON` describes the result.
    package func resultLine(
        id: RPCID, _ transcript: Transcript, _ request: TranscriptionRequest, readAtMs: Int, now: Int
    ) -> [UInt8] {
        var out = JSONSerializer()
        out.bytes.reserveCapacity(Self.resultLineBytesTypical)
        out.appendLiteral(#"{"jsonrpc":"2.0","id":"#)
        out.write(id.json)
        out.appendLiteral(#","result":{"language":"#)
        out.write(string: resultLanguage(transcript, request))
        out.appendLiteral(#","duration":"#)
        out.writeDouble(transcript.durationSeconds)
        out.appendLiteral(#","segments":["#)
        for (position, segment) in transcript.segments.enumerated() {
            if position > 0 { out.appendLiteral(",") }
            out.write(sanitized(segment).json)
        }
        let metrics = Self.resultMetrics(transcript, readAtMs: readAtMs, now: now)
        out.appendLiteral(#"],"metrics":{"processingMs":"#)
        out.write(.number(JSONNumber(metrics.processingMs)))
        out.appendLiteral(#","realTimeFactor":"#)
        out.writeDouble(metrics.realTimeFactor)
        out.appendLiteral("}}}\n")
        return out.bytes
    }

    /// Capacity reserved for a result line (an empty transcript's is about 130 bytes).
    static let resultLineBytesTypical = 256

    /// The request's language, else the engine's (else the first supported one).
    func resultLanguage(_ transcript: Transcript, _ request: TranscriptionRequest) -> String {
        request.language ?? (transcript.language.isEmpty ? configuration.descriptor.languages[0] : transcript.language)
    }

    /// `metrics.processingMs` (read to reply) and `metrics.realTimeFactor` (to 0.001).
    static func resultMetrics(
        _ transcript: Transcript, readAtMs: Int, now: Int
    ) -> (processingMs: Int, realTimeFactor: Double) {
        let processingMs = max(0, now - readAtMs)
        let factor = transcript.durationSeconds > 0 ? Double(processingMs) / 1000 / transcript.durationSeconds : 0
        return (processingMs, (factor * 1000).rounded() / 1000)
    }

    /// The reply to `health_check`: `{"jsonrpc":"2.0","id":…,"result":{"status":…,"detail":{…}}}`
    /// and `\n`, `detail` ending in `activeRequests` unless the engine gave one (as `healthJSON`).
    package static func healthLine(id: RPCID, _ status: HealthStatus, activeRequests: Int) -> [UInt8] {
        var out = JSONSerializer()
        out.bytes.reserveCapacity(96)
        out.appendLiteral(#"{"jsonrpc":"2.0","id":"#)
        out.write(id.json)
        out.appendLiteral(#","result":{"status":"#)
        out.write(string: status.status.rawValue)
        out.appendLiteral(#","detail":{"#)
        var hasActiveRequests = false
        for (position, member) in status.detail.members.enumerated() {
            if position > 0 { out.appendLiteral(",") }
            out.write(string: member.key)
            out.appendLiteral(":")
            out.write(member.value)
            if member.key == "activeRequests" { hasActiveRequests = true }
        }
        if !hasActiveRequests {
            if !status.detail.members.isEmpty { out.appendLiteral(",") }
            out.appendLiteral(#""activeRequests":"#)
            out.write(.number(JSONNumber(activeRequests)))
        }
        out.appendLiteral("}}}\n")
        return out.bytes
    }
}
