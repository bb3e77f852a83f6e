import EngineSDK
import Testing
import Wire

/// Random sessions, one seed each: requests with colliding ids, cancels, restarts, batches, garbage,
/// engine reports and completions in any order. Whatever happens, the output obeys the protocol.
@Suite("Seeded random sessions keep the protocol's promises")
struct SessionPropertyTests {
    typealias H = SessionHarness

    /// Follows the output stream and fails on any broken promise.
    struct Observer {
        var sent: [String: Int] = [:]
        var replied: [String: Int] = [:]
        var lastFraction: [String: Double] = [:]
        var lastDraft: [String: Int] = [:]
        var heartbeats = 0
        var stopped = false
        var seed: UInt64

        mutating func sentRequest(id: String) { sent[id, default: 0] += 1 }

        mutating func observe(_ actions: [EngineSession.Action]) throws {
            for line in H.output(actions).split(separator: "\n") {
                #expect(!stopped, "seed \(seed): output after the stop reply")
                let value = try JSONParser.parse(Array(line.utf8))
                for message in value.arrayValue ?? [value] { try observe(message) }
            }
        }

        private mutating func observe(_ message: JSONValue) throws {
            if let method = message["method"]?.stringValue {
                let params = message["params"]
                if method == "heartbeat" {
                    heartbeats += 1
                    #expect(params?["seq"]?.intValue == heartbeats, "seed \(seed): heartbeat numbering")
                    return
                }
                let id = params?["id"]?.serializedString ?? "?"
                #expect(sent[id, default: 0] > replied[id, default: 0], "seed \(seed): \(method) for \(id), not in flight")
                if method == "progress", let fraction = params?["fraction"]?.doubleValue {
                    #expect(fraction >= lastFraction[id, default: 0] && fraction <= 1, "seed \(seed): progress went down")
                    lastFraction[id] = fraction
                }
                if method == "draft" {
                    #expect(params?["seq"]?.intValue == lastDraft[id, default: 0] + 1, "seed \(seed): draft numbering")
                    lastDraft[id, default: 0] += 1
                }
                return
            }
            let id = message["id"]?.serializedString ?? "null"
            guard id != "null" else { return }
            replied[id, default: 0] += 1
            #expect(replied[id, default: 0] <= sent[id, default: 0], "seed \(seed): more replies than requests for \(id)")
            // -32021 answers a second request while the first with this id runs on.
            if message["error"]?["code"]?.intValue != -32021 {
                lastFraction[id] = nil
                lastDraft[id] = nil
            }
            if message["result"] == .null, id == "\"stop\"" { stopped = true }
        }
    }

    @Test("every request gets exactly one reply, notifications stay legal, nothing follows stop", arguments: Array(UInt64(1)...60))
    func randomSession(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        var harness = SessionHarness(maxConcurrentRequests: 2)
        var observer = Observer(seed: seed)
        var running: [RequestHandle] = []
        var loadPending = true
        observer.sentRequest(id: "\"init\"")
        try observer.observe(harness.feed(#"{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"protocolVersion":"1.0","clientInfo":{"name":"t","version":"0"},"heartbeatIntervalMs":1000}}"# + "\n"))
        func track(_ actions: [EngineSession.Action]) {
            for action in actions {
                switch action {
                case .startTranscription(let handle, _): running.append(handle)
                case .cancelTranscription(let handle): running.removeAll { $0 == handle }
                case .loadModel: loadPending = true
                default: break
                }
            }
        }
        for _ in 0..<80 {
            harness.now += random.below(300)
            let id = random.below(6)
            var actions: [EngineSession.Action] = []
            switch random.below(12) {
            case 0, 1:
                observer.sentRequest(id: "\(id)")
                actions = harness.feed(#"{"jsonrpc":"2.0","id":\#(id),"method":"transcribe","params":{"audio":{"path":"/a.wav"}}}"# + "\n")
            case 2: actions = harness.feed(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":\#(id)}}"# + "\n")
            case 3:
                observer.sentRequest(id: "\(id)")
                actions = harness.feed(#"{"jsonrpc":"2.0","id":\#(id),"method":"health_check"}"# + "\n")
            case 4:
                observer.sentRequest(id: "\(id)")
                actions = harness.feed(#"{"jsonrpc":"2.0","id":\#(id),"method":"restart"}"# + "\n")
            case 5:
                observer.sentRequest(id: "\(id)")
                observer.sentRequest(id: "\"b\(id)\"")
                actions = harness.feed(#"[{"jsonrpc":"2.0","id":\#(id),"method":"get_status"},{"jsonrpc":"2.0","id":"b\#(id)","method":"transcribe","params":{"audio":{"path":"/b"}}}]"# + "\n{oops\n")
            case 6 where loadPending:
                loadPending = false
                actions = harness.session.modelLoaded(random.below(5) == 0 ? .failure(EngineError(.engineFailure, reason: "x")) : .success(()), now: harness.now)
            case 7: actions = harness.session.healthResult(.ok, now: harness.now)
            case 8: actions = harness.session.timerFired(random.below(2) == 0 ? .heartbeat : .healthDeadline, now: harness.now)
            default:
                guard !running.isEmpty else { continue }
                let handle = running[random.below(running.count)]
                switch random.below(4) {
                case 0: actions = harness.session.transcriptionReport(handle, .progress(fraction: Double(random.below(120)) / 100, stage: "d"), now: harness.now)
                case 1: actions = harness.session.transcriptionReport(handle, .draft(Segment(id: 0, startSeconds: 0, endSeconds: 1, text: "x")), now: harness.now)
                default:
                    running.removeAll { $0 == handle }
                    actions = harness.session.transcriptionFinished(handle, .success(Transcript(language: "en", durationSeconds: 1, segments: [])), now: harness.now)
                }
            }
            harness.session.checkInvariants()
            track(actions)
            try observer.observe(actions)
        }
        observer.sentRequest(id: "\"stop\"")
        let stop = harness.feed(#"{"jsonrpc":"2.0","id":"stop","method":"stop"}"# + "\n")
        try observer.observe(stop)
        #expect(observer.sent == observer.replied, "seed \(seed): requests and replies differ")
        #expect(stop.last == .exit(code: 0), "seed \(seed)")
    }
}
