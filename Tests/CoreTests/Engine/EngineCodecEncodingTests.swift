import Core
import Testing
import Wire

/// `EngineCodec.encodedLine` writes bytes directly; they must equal the serialized `json(request)`
/// tree byte for byte (the simulator's chunking and every engine see these bytes).
@Suite("Engine codec: direct request encoding")
struct EngineCodecEncodingTests {
    static let awkward = ["", "/a.wav", "qu\"ote\\slash/", "line\nbreak\ttab\u{1}", "é-中-😀", "sep\u{2028}\u{2029}"]

    static var requests: [EngineRequest] {
        var requests: [EngineRequest] = [
            .healthCheck(id: RequestID(7)), .stop(id: RequestID(1)), .cancel(target: RequestID(3)),
            .cancel(target: RequestID(UInt64.max)), .initialize(id: RequestID(1), .default),
        ]
        var custom = InitializeParameters()
        custom.protocolVersion = "2.\"0"
        custom.clientName = "ü\\x"
        custom.heartbeatIntervalMs = 4_294_967_295
        custom.config = ["model": "tiny", "beams": 5, "nested": ["a": [1, nil, true]]]
        custom.maxMessageBytes = nil
        requests.append(.initialize(id: RequestID(12_345_678_901), custom))
        for (index, text) in awkward.enumerated() {
            var parameters = TranscribeParameters(audioPath: text, language: index % 2 == 0 ? nil : text)
            if index % 3 == 1 { parameters.options = ["beam": 5, text: .string(text), "f": .number(JSONNumber(unchecked: "0.25"))] }
            requests.append(.transcribe(id: RequestID(UInt64(index) * 1_000_003), parameters))
        }
        return requests
    }

    @Test("direct bytes equal the serialized JSON tree for every request kind and awkward strings")
    func sameBytes() {
        for request in Self.requests {
            let expected = EngineCodec.json(request).encodedLine()
            #expect(EngineCodec.encodedLine(request) == expected, "\(String(decoding: expected, as: UTF8.self))")
        }
    }
}
