import EngineSDK
import Testing
import Wire

@Suite("Log lines are the JSON of their members, written member by member")
struct SidecarLoggerTests {
    @Test("members in order, values escaped as the protocol serializer writes them", arguments: [
        LogRecord(.info, "ready"),
        LogRecord(.warning, "transcribe \"finished\"\n", requestID: .string("job-7"), extra: ["durationMs": .number(JSONNumber(3))]),
        LogRecord(.error, "naïve \u{2028} path", requestID: .number(JSONNumber(12)), extra: ["path": .string("/a/b\\c.wav")]),
    ])
    func line(record: LogRecord) throws {
        let logger = SidecarLogger(name: "lsref", levelMin: .debug)
        let line = try #require(logger.line(record))
        #expect(line.last == 0x0A)
        let json = try JSONParser.parse(Array(line.dropLast()))
        guard case .object(let object) = json, case .string(let ts)? = object["ts"] else {
            Issue.record("not an object with ts: \(String(decoding: line, as: UTF8.self))")
            return
        }
        var members: [(key: String, value: JSONValue)] = [
            (key: "ts", value: .string(ts)), (key: "level", value: .string(record.level.rawValue)),
            (key: "logger", value: .string("lsref")), (key: "message", value: .string(record.message)),
            (key: "msg", value: .string(record.message)),
        ]
        if let id = record.requestID { members.append((key: "requestId", value: id.json)) }
        if !record.extra.members.isEmpty { members.append((key: "extra", value: .object(record.extra))) }
        #expect(line == JSONValue.object(JSONObject(members: members)).encodedLine())
    }

    @Test("a record below the level gives no line")
    func belowLevel() {
        #expect(SidecarLogger(name: "x", levelMin: .warning).line(LogRecord(.info, "quiet")) == nil)
    }
}
