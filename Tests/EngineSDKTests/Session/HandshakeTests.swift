import EngineSDK
import Testing
import Wire

@Suite("The session handshake follows SPEC section 5")
struct HandshakeTests {
    typealias H = SessionHarness

    @Test("initialize is answered with the descriptor, the limits and a model load")
    func initialize() {
        var harness = SessionHarness()
        let actions = harness.feed(H.initializeLine + "\n")
        #expect(H.output(actions) == H.result("1", #"{"protocolVersion":"1.0","engine":{"name":"test-engine","version":"1.2.3"},"capabilities":{"languages":["en","de"],"drafts":true,"wordTimestamps":true,"wordConfidence":true,"maxConcurrentRequests":2},"limits":{"maxMessageBytes":4194304}}"#))
        #expect(H.effects(actions) == [.loadModel(.initial(clientConfig: JSONObject()))])
        #expect(harness.session.phase == .initialized)
        #expect(harness.session.effectiveLimitBytes == 4_194_304)
    }

    @Test("a request before initialize gets -32002 and the engine stays uninitialized (5.4-MUST-1)")
    func beforeInitialize() {
        var harness = SessionHarness()
        #expect(harness.send(#"{"jsonrpc":"2.0","id":0,"method":"get_status"}"#)
            == H.error("0", -32002, "Not initialized", "not_initialized", "send initialize first"))
        #expect(harness.send(#"{"jsonrpc":"2.0","id":"x","method":"no_such_method"}"#)
            == H.error(#""x""#, -32002, "Not initialized", "not_initialized", "send initialize first"))
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":0}}"#) == "")
        #expect(harness.session.phase == .uninitialized)
    }

    @Test("a second initialize gets -32003 and changes nothing (5.4-MUST-3)")
    func doubleInitialize() {
        var harness = SessionHarness()
        harness.initialize(limitBytes: 65_536)
        let actions = harness.feed(H.initializeLine + "\n")
        #expect(H.output(actions) == H.error("1", -32003, "Already initialized", "already_initialized", "initialize was already accepted"))
        #expect(H.effects(actions) == [])
        #expect(harness.session.effectiveLimitBytes == 65_536)
    }

    @Test("another major version gets -32004 with data.supported and stays uninitialized (5.3-MUST-2)")
    func versionMismatch() {
        var harness = SessionHarness()
        #expect(harness.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2.0","clientInfo":{"name":"t","version":"0"}}}"#)
            == H.error("1", -32004, "Unsupported protocol version", "unsupported_protocol_version",
                       "protocol major version 2 is not supported", extra: #","supported":["1.0"]"#))
        #expect(harness.session.phase == .uninitialized)
        #expect(harness.send(#"{"jsonrpc":"2.0","id":2,"method":"health_check"}"#)
            == H.error("2", -32002, "Not initialized", "not_initialized", "send initialize first"))
    }

    @Test("a higher minor version is answered with 1.0 (5.3-MUST-3)")
    func higherMinor() {
        var harness = SessionHarness()
        let output = harness.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.7","clientInfo":{"name":"t","version":"0"}}}"#)
        #expect(output.hasPrefix(#"{"jsonrpc":"2.0","id":1,"result":{"protocolVersion":"1.0","#))
    }

    @Test("malformed initialize params get -32602 naming the member and stay uninitialized (5.2-MUST-2, 5.3-MUST-1)",
          arguments: [
            (#"{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"},"heartbeatIntervalMs":50}"#,
             "heartbeatIntervalMs must be 0 or an integer in 100...3600000", "heartbeatIntervalMs"),
            (#"{"protocolVersion":"1.0"}"#, #"clientInfo must be {\"name\": string, \"version\": string}"#, "clientInfo"),
            (#"{"protocolVersion":"1","clientInfo":{"name":"t","version":"0"}}"#, "protocolVersion '1' is not MAJOR.MINOR", "protocolVersion"),
            (#"{"protocolVersion":"01.0","clientInfo":{"name":"t","version":"0"}}"#, "protocolVersion '01.0' is not MAJOR.MINOR", "protocolVersion"),
            (#"{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"},"limits":{"maxMessageBytes":1024}}"#,
             "limits.maxMessageBytes must be an integer of at least 65536", "limits.maxMessageBytes"),
          ])
    func invalidInitialize(params: String, reason: String, member: String) {
        var harness = SessionHarness()
        #expect(harness.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":\#(params)}"#)
            == H.error("1", -32602, "Invalid params", "invalid_params", reason, extra: #","member":"\#(member)""#))
        #expect(harness.session.phase == .uninitialized)
    }

    @Test("initialize without params gets -32602")
    func initializeWithoutParams() {
        var harness = SessionHarness()
        #expect(harness.send(#"{"jsonrpc":"2.0","id":1,"method":"initialize"}"#)
            == H.error("1", -32602, "Invalid params", "invalid_params", "params are required"))
    }

    @Test("the effective limit is the smaller of the two offers (2.3)")
    func effectiveLimit() {
        var small = SessionHarness()
        small.initialize(limitBytes: 100_000)
        #expect(small.session.effectiveLimitBytes == 100_000)
        var huge = SessionHarness()
        huge.initialize(limitBytes: nil)
        #expect(huge.session.effectiveLimitBytes == 4_194_304)
        var beyond = SessionHarness()
        _ = beyond.feed(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"},"limits":{"maxMessageBytes":99999999999999999999999}}}"# + "\n")
        #expect(beyond.session.effectiveLimitBytes == 4_194_304)
    }

    @Test("stop before initialize is answered null and exits 0 (5.5-MUST-1)")
    func stopBeforeInitialize() {
        var harness = SessionHarness()
        let actions = harness.feed(#"{"jsonrpc":"2.0","id":9,"method":"stop"}"# + "\n" + #"{"jsonrpc":"2.0","id":10,"method":"stop"}"# + "\n")
        #expect(H.output(actions) == H.result("9", "null"))
        #expect(H.effects(actions) == [.exit(code: 0)])
    }
}
