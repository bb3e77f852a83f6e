import Core
import Sim
import Testing
import Wire

/// Scripted engines scan the coordinator's usual request lines instead of parsing them; the scan must
/// read exactly what the parsed tree says, and hand every other line to the parser.
@Suite("Scripted engine request scanner")
struct ScriptedRequestTests {
    static let requests: [EngineRequest] = [
        .healthCheck(id: RequestID(0)), .healthCheck(id: RequestID(42)), .stop(id: RequestID(7)),
        .transcribe(id: RequestID(3), TranscribeParameters(audioPath: "/audio/a-1.wav")),
        .transcribe(id: RequestID(UInt64.max), TranscribeParameters(audioPath: "", language: "en")),
        .cancel(target: RequestID(12)), .cancel(target: RequestID(0)),
        .initialize(id: RequestID(1), .default), .initialize(id: RequestID(2), Self.initialize(heartbeatMs: 5_000, limit: nil)),
        .initialize(id: RequestID(3), Self.initialize(heartbeatMs: UInt32.max, limit: 1_024)),
    ]

    static func initialize(heartbeatMs: UInt32, limit: Int?) -> InitializeParameters {
        var parameters = InitializeParameters()
        parameters.heartbeatIntervalMs = heartbeatMs
        parameters.maxMessageBytes = limit
        return parameters
    }

    static var configured: InitializeParameters {
        var parameters = InitializeParameters()
        parameters.config = ["model": "small"]
        return parameters
    }

    static func scanned(_ line: [UInt8]) -> ScriptedRequest? {
        line.withUnsafeBytes { ScriptedRequest.scan(UnsafeRawBufferPointer(rebasing: $0.dropLast())) }
    }

    static func parsed(_ line: [UInt8]) -> ScriptedRequest? {
        (try? JSONParser.parse(Array(line.dropLast()))).flatMap(ScriptedRequest.init(json:))
    }

    @Test("the coordinator's lines scan to what their trees say", arguments: requests)
    func scansUsualLines(request: EngineRequest) throws {
        let line = EngineCodec.encodedLine(request)
        let scanned = try #require(Self.scanned(line))
        #expect(scanned == Self.parsed(line))
    }

    @Test("other lines are left to the parser", arguments: [
        EngineCodec.encodedLine(.initialize(id: RequestID(1), Self.configured)),
        EngineCodec.encodedLine(.transcribe(id: RequestID(3), TranscribeParameters(audioPath: "q\"uote"))),
        EngineCodec.encodedLine(.transcribe(id: RequestID(3), TranscribeParameters(audioPath: "é.wav"))),
        EngineCodec.encodedLine(.transcribe(id: RequestID(3), TranscribeParameters(audioPath: "a", options: ["x": 1]))),
        Array(#"{"jsonrpc":"2.0","id":1,"method":"stop"} "#.utf8) + [0x0A],
        Array(#"{"jsonrpc":"2.0","id":01,"method":"stop"}"#.utf8) + [0x0A],
        Array(#"{"jsonrpc":"2.0","id":1.5,"method":"stop"}"#.utf8) + [0x0A],
        Array(#"{"jsonrpc":"2.0","id":-1,"method":"stop"}"#.utf8) + [0x0A],
        Array(#"{"jsonrpc":"2.0","id":1,"method":"stop","id":2}"#.utf8) + [0x0A],
        Array(#"{"jsonrpc":"2.0","id":1,"method":"stop"#.utf8) + [0x0A],
        Array(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":"5"}}"#.utf8) + [0x0A],
        Array(#"{"jsonrpc":"2.0","id":1,"method":"unknown"}"#.utf8) + [0x0A],
    ])
    func leavesOtherLines(line: [UInt8]) {
        #expect(Self.scanned(line) == nil)
    }
}
