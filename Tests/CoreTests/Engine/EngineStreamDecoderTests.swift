import Core
import Testing
import Wire

@Suite("Engine stream decoder: NDJSON lines to coordinator inputs")
struct EngineStreamDecoderTests {
    static let a: EngineID = "a"

    static let stream = Array((
        #"{"jsonrpc":"2.0","id":1,"result":{"status":"ok","detail":{}}}"# + "\n"
        + "\r\n   \n"
        + #"{"jsonrpc":"2.0","method":"progress","params":{"id":2,"fraction":0.5,"stage":"decode"}}"# + "\r\n"
        + "not json\n"
        + #"{"jsonrpc":"2.0","id":"x","result":null}"# + "\n"
        + String(repeating: "x", count: 300) + "\n"
        + #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"Parse error"}}"# + "\n"
    ).utf8)

    static let expected: [CoordinatorInput] = [
        .engineMessage(a, .response(RequestID(1), .success(["status": "ok", "detail": [:]]))),
        .engineMessage(a, .progress(RequestID(2), fractionPermille: 500, stage: "decode")),
        .engineProtocolError(a, code: -32700, detail: ""),
        .engineProtocolError(a, code: -32600, detail: ""),
        .engineProtocolError(a, code: -32001, detail: ""),
        .engineMessage(a, .errorWithoutID(EngineErrorObject(code: -32700, message: "Parse error"))),
    ]

    /// Inputs with protocol-error details blanked (tests assert codes, not messages).
    private static func codes(_ inputs: [CoordinatorInput]) -> [CoordinatorInput] {
        inputs.map { input in
            if case .engineProtocolError(let engine, let code, _) = input { .engineProtocolError(engine, code: code, detail: "") }
            else { input }
        }
    }

    @Test("any chunking yields the same inputs", arguments: [1, 2, 7, 64, 4096])
    func chunking(chunkBytes: Int) {
        var decoder = EngineStreamDecoder(engine: Self.a, maxLineBytes: 256)
        var inputs: [CoordinatorInput] = []
        var offset = 0
        while offset < Self.stream.count {
            let end = min(offset + chunkBytes, Self.stream.count)
            inputs += decoder.append(Array(Self.stream[offset..<end]))
            offset = end
        }
        #expect(decoder.finish() == nil)
        #expect(Self.codes(inputs) == Self.expected, "chunk \(chunkBytes)")
    }

    @Test("an unterminated last line is reported at the end of the stream")
    func unterminated() {
        var decoder = EngineStreamDecoder(engine: Self.a)
        #expect(decoder.append(Array(#"{"jsonrpc":"2.0""#.utf8)) == [])
        guard case .engineProtocolError(Self.a, _, _)? = decoder.finish() else {
            Issue.record("no error at end")
            return
        }
    }

    @Test("requests encode to exact JSON-RPC lines")
    func encodedLines() {
        #expect(String(decoding: EngineCodec.encodedLine(.healthCheck(id: RequestID(7))), as: UTF8.self)
            == #"{"jsonrpc":"2.0","id":7,"method":"health_check"}"# + "\n")
        #expect(String(decoding: EngineCodec.encodedLine(.cancel(target: RequestID(3))), as: UTF8.self)
            == #"{"jsonrpc":"2.0","method":"cancel","params":{"id":3}}"# + "\n")
        #expect(String(decoding: EngineCodec.encodedLine(.stop(id: RequestID(9))), as: UTF8.self)
            == #"{"jsonrpc":"2.0","id":9,"method":"stop"}"# + "\n")
        let transcribe = EngineCodec.encodedLine(.transcribe(id: RequestID(4), TranscribeParameters(audioPath: "/a.wav", language: "en")))
        #expect(String(decoding: transcribe, as: UTF8.self)
            == #"{"jsonrpc":"2.0","id":4,"method":"transcribe","params":{"audio":{"path":"/a.wav"},"language":"en","options":{}}}"# + "\n")
    }

    @Test("every request round-trips through the engine side's classification")
    func roundTrip() {
        let requests: [EngineRequest] = [
            .initialize(id: RequestID(1), .default), .healthCheck(id: RequestID(2)),
            .transcribe(id: RequestID(3), TranscribeParameters(audioPath: "/a")), .stop(id: RequestID(4)),
            .cancel(target: RequestID(3)),
        ]
        for request in requests {
            var decoder = LineDecoder()
            guard case .success(let json)? = decoder.append(EngineCodec.encodedLine(request)).first else {
                Issue.record("unparsable \(request)")
                continue
            }
            switch RPCMessage(json: json) {
            case .request(let rpc): #expect(rpc.method == request.method && request.id != nil)
            case .notification(let rpc): #expect(rpc.method == "cancel" && request.id == nil)
            default: Issue.record("not a call: \(request)")
            }
        }
    }
}
