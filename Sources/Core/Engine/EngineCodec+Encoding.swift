import Wire

/// Request lines written straight into bytes: the same bytes as `json(request).encodedLine()` (Wire's
/// member order, its serializer for every string, number and caller-supplied object) without
/// building the `JSONValue` tree first. Every request the coordinator sends goes through here.
extension EngineCodec {
    /// One line of compact JSON ending in `\n`, ready for the engine's stdin.
    package static func encodedLine(_ request: EngineRequest) -> [UInt8] {
        var out = JSONSerializer()
        out.bytes.reserveCapacity(Self.lineBytesReserved)
        raw("{\"jsonrpc\":\"2.0\",", &out)
        if let id = request.id {
            raw("\"id\":", &out)
            out.write(.number(JSONNumber(id.value)))
            raw(",", &out)
        }
        raw("\"method\":", &out)
        out.write(string: request.method)
        switch request {
        case .initialize(_, let parameters):
            raw(",\"params\":", &out)
            writeInitializeParams(parameters, &out)
        case .transcribe(_, let parameters):
            raw(",\"params\":{\"audio\":{\"path\":", &out)
            out.write(string: parameters.audioPath)
            raw("},\"language\":", &out)
            if let language = parameters.language { out.write(string: language) } else { raw("null", &out) }
            raw(",\"options\":", &out)
            out.write(.object(parameters.options))
            raw("}", &out)
        case .cancel(let target):
            raw(",\"params\":{\"id\":", &out)
            out.write(.number(JSONNumber(target.value)))
            raw("}", &out)
        case .healthCheck, .stop:
            break
        }
        raw("}\n", &out)
        return out.bytes
    }

    /// Room reserved for a request line (most fit).
    static let lineBytesReserved = 256

    private static func writeInitializeParams(_ parameters: InitializeParameters, _ out: inout JSONSerializer) {
        raw("{\"protocolVersion\":", &out)
        out.write(string: parameters.protocolVersion)
        raw(",\"clientInfo\":{\"name\":", &out)
        out.write(string: parameters.clientName)
        raw(",\"version\":", &out)
        out.write(string: parameters.clientVersion)
        raw("},\"heartbeatIntervalMs\":", &out)
        out.write(.number(JSONNumber(Int(parameters.heartbeatIntervalMs))))
        raw(",\"config\":", &out)
        out.write(.object(parameters.config))
        if let bytes = parameters.maxMessageBytes {
            raw(",\"limits\":{\"maxMessageBytes\":", &out)
            out.write(.number(JSONNumber(bytes)))
            raw("}", &out)
        }
        raw("}", &out)
    }

    @inline(__always)
    private static func raw(_ literal: StaticString, _ out: inout JSONSerializer) {
        out.bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }
}
