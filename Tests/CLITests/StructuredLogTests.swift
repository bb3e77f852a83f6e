import LingosubCLI
import Testing
import Wire

@Suite("Structured logs")
struct StructuredLogTests {
    @Test("engine log lines name their request the Swift SDK's way or the Python SDK's way", arguments: [
        (#"{"level":"info","requestId":7}"#, UInt64(7)), (#"{"level":"info","request_id":"7"}"#, 7),
        (#"{"level":"INFO","message":"Request received: transcribe","extra":{"request_id":"12","method":"transcribe"}}"#, 12),
        (#"{"request_id":"\"abc\""}"#, nil), (#"{"requestId":1.5}"#, nil), (#"{"message":"x"}"#, nil),
    ] as [(String, UInt64?)])
    func requestIDs(line: String, expected: UInt64?) throws {
        let object = try #require(try JSONParser.parse(line).objectValue)
        #expect(StructuredLog.requestID(in: object) == expected)
    }
}
