import Core
import Sim
import Testing
import Wire

/// Scripted engines write their lines straight into bytes; the bytes must equal Wire's serialization
/// of the JSON tree (their length decides where the seeded chunking cuts, so traces depend on it).
@Suite("Scripted engine lines: direct bytes")
struct RPCLinesTests {
    static let ids: [JSONValue] = [0, 7, .number(JSONNumber(UInt64.max)), "a\"b", .null]
    static let paths = ["", "a.wav", "dir/q\"uote\\.wav", "tab\there\u{1}", "é中😀\u{2028}"]

    @Test("envelopes equal the serialized trees", arguments: ids)
    func envelopes(id: JSONValue) {
        let result: JSONValue = ["status": "ok", "detail": [:], "n": [1, .number(JSONNumber(unchecked: "2.5")), nil, true]]
        #expect(RPCLines.result(id: id, result) == RPCLines.line(["jsonrpc": "2.0", "id": id, "result": result]))
        for message in ["busy", "we\"ird\\\n"] {
            let tree: JSONObject = ["jsonrpc": "2.0", "id": id, "error": [
                "code": -32_020, "message": .string(message), "data": ["reason": .string(message)],
            ]]
            #expect(RPCLines.error(id: id, code: -32_020, message: message) == RPCLines.line(tree))
        }
        let params: JSONValue = ["id": id, "fraction": RPCLines.thousandths(250), "stage": "decoding"]
        #expect(RPCLines.notification("progress", params)
            == RPCLines.line(["jsonrpc": "2.0", "method": "progress", "params": params]))
    }

    @Test("final result lines equal the serialized trees", arguments: [0, 1, 3, 12])
    func results(segments: Int) {
        for path in Self.paths {
            for id in Self.ids {
                let tree = RPCLines.line(["jsonrpc": "2.0", "id": id,
                                          "result": ScriptedEngine.resultJSON(segments: segments, audioPath: path)])
                #expect(ScriptedEngine.resultLine(id: id, segments: segments, audioPath: path) == tree)
            }
        }
    }

    @Test("progress and draft lines equal the serialized trees", arguments: ids)
    func notifications(id: JSONValue) {
        for permille in [0, 5, 250, 999, 1_000] as [UInt64] {
            let params: JSONValue = ["id": id, "fraction": RPCLines.thousandths(permille), "stage": "decoding"]
            #expect(ScriptedEngine.progressLine(id: id, permille: permille) == RPCLines.notification("progress", params))
        }
        for path in Self.paths {
            for (seq, segment) in [(1, 0), (2, 1), (13, 12)] {
                let params: JSONValue = ["id": id, "seq": .number(JSONNumber(seq)),
                                         "segment": ScriptedEngine.segment(segment, audioPath: path, draft: true)]
                #expect(ScriptedEngine.draftLine(id: id, seq: seq, segment: segment, audioPath: path)
                    == RPCLines.notification("draft", params))
            }
        }
    }

    @Test("handshake and health lines equal the serialized trees", arguments: ids)
    func handshake(id: JSONValue) {
        for slots in [1, 8, 1_024] {
            let tree = RPCLines.line(["jsonrpc": "2.0", "id": id,
                                      "result": ScriptedEngine.initializeJSON(maxConcurrentRequests: slots)])
            #expect(ScriptedEngine.initializeLine(id: id, maxConcurrentRequests: slots) == tree)
        }
        for status in ["ok", "loading", "error", "q\"x"] {
            let tree = RPCLines.line(["jsonrpc": "2.0", "id": id, "result": ScriptedEngine.healthJSON(status: status)])
            #expect(ScriptedEngine.healthLine(id: id, status: status) == tree)
        }
    }

    @Test("thousandths are exact decimal text", arguments: [
        (0, "0"), (5, "0.005"), (50, "0.05"), (999, "0.999"), (1_000, "1"), (1_250, "1.25"), (1_500, "1.5"),
        (10_010, "10.01"), (UInt64.max, "18446744073709551.615"),
    ] as [(UInt64, String)])
    func thousandths(value: UInt64, text: String) {
        #expect(RPCLines.thousandths(value) == .number(JSONNumber(unchecked: text)))
    }
}
