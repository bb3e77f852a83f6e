import Wire

/// Request lines written straight into bytes: the same bytes as `json(request).encodedLine()` (Wire's
/// member order, its serializer for every string, number and caller-supplied object) without
/// building the `JSONValue` tree first. Every request the coordinator sends goes through here.
extension EngineCodec {
    /// One line of compact JSON ending in `\n`, ready for the engine's stdin.
    package static func encodedLine(_ request: EngineRequest) -> [UInt8] {
        var out = JSONSerializer()
        out.bytes.reserveCapacity(Self.lineBytesReserved)
        out.appendLiteral("{\"jsonrpc\":\"2.0\",")
        if let id = request.id {
            out.appendLiteral("\"id\":")
            out.write(.number(JSONNumber(id.value)))
            out.appendLiteral(",")
        }
        out.appendLiteral("\"method\":")
        out.write(string: request.method)
        switch request {
        case .initialize(_, let parameters):
            out.appendLiteral(",\"params\":")
            writeInitializeParams(parameters, &out)
        case .transcribe(_, let parameters):
            out.appendLiteral(",\"params\":{\"audio\":{\"path\":")
            out.write(string: parameters.audioPath)
            out.appendLiteral("},\"language\":")
            if let language = parameters.language { out.write(string: language) } else { out.appendLiteral("null") }
            out.appendLiteral(",\"options\":")
            out.write(.object(parameters.options))
            out.appendLiteral("}")
        case .cancel(let target):
            out.appendLiteral(",\"params\":{\"id\":")
            out.write(.number(JSONNumber(target.value)))
            out.appendLiteral("}")
        case .healthCheck, .stop:
            break
        }
        out.appendLiteral("}\n")
        return out.bytes
    }

    /// Room reserved for a request line (most fit).
    static let lineBytesReserved = 256

    private static func writeInitializeParams(_ parameters: InitializeParameters, _ out: inout JSONSerializer) {
        out.appendLiteral("{\"protocolVersion\":")
        out.write(string: parameters.protocolVersion)
        out.appendLiteral(",\"clientInfo\":{\"name\":")
        out.write(string: parameters.clientName)
        out.appendLiteral(",\"version\":")
        out.write(string: parameters.clientVersion)
        out.appendLiteral("},\"heartbeatIntervalMs\":")
        out.write(.number(JSONNumber(Int(parameters.heartbeatIntervalMs))))
        out.appendLiteral(",\"config\":")
        out.write(.object(parameters.config))
        if let bytes = parameters.maxMessageBytes {
            out.appendLiteral(",\"limits\":{\"maxMessageBytes\":")
            out.write(.number(JSONNumber(bytes)))
            out.appendLiteral("}")
        }
        out.appendLiteral("}")
    }
}
