import EngineSDK
import Wire

/// Drives an `EngineSession` by text lines and splits its actions into stdout text and effects.
struct SessionHarness {
    typealias Action = EngineSession.Action

    var session: EngineSession
    var now = 0

    static let descriptor = EngineDescriptor(name: "test-engine", version: "1.2.3", languages: ["en", "de"])

    init(
        maxConcurrentRequests: Int = 2, maxMessageBytes: Int = 4_194_304,
        descriptor: EngineDescriptor = SessionHarness.descriptor, heartbeatIntervalPercent: Int = 100
    ) {
        var configuration = SessionConfiguration(
            descriptor: descriptor, maxConcurrentRequests: maxConcurrentRequests, maxMessageBytes: maxMessageBytes)
        configuration.heartbeatIntervalPercent = heartbeatIntervalPercent
        session = EngineSession(configuration: configuration, startMs: 0)
    }

    /// Feeds `text` (lines must carry their own `\n`) and returns the actions.
    mutating func feed(_ text: String) -> [Action] {
        let actions = session.receive(Array(text.utf8), now: now)
        session.checkInvariants()
        return actions
    }

    /// Feeds one line (a `\n` is appended) and returns what was written to stdout.
    mutating func send(_ line: String) -> String { Self.output(feed(line + "\n")) }

    /// All `.write` bytes as text.
    static func output(_ actions: [Action]) -> String {
        var bytes: [UInt8] = []
        for case .write(let chunk) in actions { bytes += chunk }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The actions that are neither writes nor logs.
    static func effects(_ actions: [Action]) -> [Action] {
        actions.filter {
            switch $0 {
            case .write, .log: false
            default: true
            }
        }
    }

    static let initializeLine =
        #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"}}}"#

    /// Initializes (no heartbeats unless asked) and completes the model load.
    mutating func initialize(heartbeatIntervalMs: Int = 0, limitBytes: Int? = nil) {
        var params = #""protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"},"heartbeatIntervalMs":\#(heartbeatIntervalMs)"#
        if let limitBytes { params += #","limits":{"maxMessageBytes":\#(limitBytes)}"# }
        _ = feed(#"{"jsonrpc":"2.0","id":"init","method":"initialize","params":{\#(params)}}"# + "\n")
        _ = session.modelLoaded(.success(()), now: now)
    }

    /// Sends a transcribe request and returns the handle of the started transcription, if any.
    mutating func transcribe(id: String, path: String = "/a.wav", language: String = "\"en\"") -> (String, RequestHandle?) {
        let actions = feed(#"{"jsonrpc":"2.0","id":\#(id),"method":"transcribe","params":{"audio":{"path":"\#(path)"},"language":\#(language)}}"# + "\n")
        var handle: RequestHandle?
        for case .startTranscription(let started, _) in actions { handle = started }
        return (Self.output(actions), handle)
    }

    static func error(_ id: String, _ code: Int, _ message: String, _ name: String, _ reason: String, extra: String = "") -> String {
        #"{"jsonrpc":"2.0","id":\#(id),"error":{"code":\#(code),"message":"\#(message)","data":{"name":"\#(name)","reason":"\#(reason)"\#(extra)}}}"# + "\n"
    }

    static func result(_ id: String, _ result: String) -> String { #"{"jsonrpc":"2.0","id":\#(id),"result":\#(result)}"# + "\n" }
}
