import EngineSDK
import Testing
import Wire

@Suite("Transcriptions: concurrency, cancellation, progress and drafts (SPEC 7, 9)")
struct TranscriptionTests {
    typealias H = SessionHarness

    static func ready(maxConcurrentRequests: Int = 2, descriptor: EngineDescriptor = H.descriptor) -> SessionHarness {
        var harness = SessionHarness(maxConcurrentRequests: maxConcurrentRequests, descriptor: descriptor)
        harness.initialize()
        return harness
    }

    static let segment = Segment(
        id: 0, startSeconds: 0, endSeconds: 1.2, text: "hello world", confidence: 0.9,
        words: [Word(text: "hello", startSeconds: 0, endSeconds: 0.5, confidence: 0.97)])
    static let segmentJSON = #"{"id":0,"start":0.0,"end":1.2,"text":"hello world","confidence":0.9,"words":[{"word":"hello","start":0.0,"end":0.5,"confidence":0.97}]}"#
    static let transcript = Transcript(language: "en", durationSeconds: 2, segments: [segment])

    @Test("a cancel gets exactly one -32800, and the racing completion is dropped (7.1-MUST-1, 9.3-MUST-1)")
    func cancelExactlyOnce() throws {
        var harness = Self.ready()
        let handle = try #require(harness.transcribe(id: "\"job-7\"").1)
        let actions = harness.feed(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":"job-7"}}"# + "\n")
        #expect(H.output(actions) == H.error(#""job-7""#, -32800, "Request cancelled", "request_cancelled", "cancelled by the coordinator"))
        #expect(H.effects(actions) == [.cancelTranscription(handle)])
        #expect(harness.session.transcriptionFinished(handle, .success(Self.transcript), now: 10) == [])
        #expect(harness.session.transcriptionReport(handle, .progress(fraction: 0.5, stage: "decoding"), now: 10) == [])
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":"job-7"}}"#) == "")
        #expect(harness.session.metrics.cancelled == 1)
        #expect(harness.session.metrics.total == 1)
    }

    @Test("a completion that arrives before the cancel wins; the late cancel is ignored (7.1-MUST-2)")
    func completionBeforeCancel() throws {
        var harness = Self.ready()
        let handle = try #require(harness.transcribe(id: "3").1)
        harness.now = 840
        let done = harness.session.transcriptionFinished(handle, .success(Self.transcript), now: 840)
        #expect(H.output(done) == H.result("3", #"{"language":"en","duration":2.0,"segments":[\#(Self.segmentJSON)],"metrics":{"processingMs":840,"realTimeFactor":0.42}}"#))
        #expect(harness.send(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":3}}"#) == "")
    }

    @Test("a late report for a finished request is never taken for a new request with the same id")
    func reusedIDAfterFinish() throws {
        var harness = Self.ready()
        let old = try #require(harness.transcribe(id: "5").1)
        _ = harness.feed(#"{"jsonrpc":"2.0","method":"cancel","params":{"id":5}}"# + "\n")
        let new = try #require(harness.transcribe(id: "5").1)
        #expect(old != new)
        #expect(harness.session.transcriptionFinished(old, .success(Self.transcript), now: 0) == [])
        #expect(H.output(harness.session.transcriptionFinished(new, .failure(EngineError(.audioNotFound, reason: "gone", path: "/a.wav")), now: 0))
            == H.error("5", -32010, "Audio not found", "audio_not_found", "gone", extra: #","path":"/a.wav""#))
    }

    @Test("beyond maxConcurrentRequests a transcribe gets -32020 at once; control methods never do (9.1)")
    func busy() throws {
        var harness = Self.ready(maxConcurrentRequests: 1)
        _ = try #require(harness.transcribe(id: "1").1)
        #expect(harness.transcribe(id: "2").0
            == H.error("2", -32020, "Busy", "busy", "1 transcriptions already in flight", extra: #","maxConcurrentRequests":1"#))
        #expect(harness.send(#"{"jsonrpc":"2.0","id":3,"method":"get_status"}"#)
            == H.result("3", #"{"state":"busy","activeRequests":1,"maxConcurrentRequests":1,"uptimeMs":0,"requestsServed":0}"#))
        #expect(harness.session.metrics.total == 0)
    }

    @Test("a request reusing an in-flight id gets -32021 and the first one continues (9.2-MUST-1)")
    func duplicateID() throws {
        var harness = Self.ready()
        let handle = try #require(harness.transcribe(id: "7").1)
        #expect(harness.send(#"{"jsonrpc":"2.0","id":7,"method":"get_status"}"#)
            == H.error("7", -32021, "Duplicate request id", "duplicate_request_id", "a request with this id is in flight"))
        let done = harness.session.transcriptionFinished(handle, .success(Transcript(language: "", durationSeconds: 0, segments: [])), now: 0)
        #expect(H.output(done) == H.result("7", #"{"language":"en","duration":0.0,"segments":[],"metrics":{"processingMs":0,"realTimeFactor":0.0}}"#))
    }

    @Test("progress is clamped to 0…1 and never decreases; an empty stage becomes decoding (7.3)")
    func progressClamping() throws {
        var harness = Self.ready()
        let handle = try #require(harness.transcribe(id: "1").1)
        var output = ""
        for (fraction, stage) in [(0.5, "decoding"), (0.3, "decoding"), (Double.nan, "x"), (-1, ""), (1.5, "finalizing")] {
            output += H.output(harness.session.transcriptionReport(handle, .progress(fraction: fraction, stage: stage), now: 0))
        }
        let line = { (fraction: String, stage: String) in #"{"jsonrpc":"2.0","method":"progress","params":{"id":1,"fraction":\#(fraction),"stage":"\#(stage)"}}"# + "\n" }
        #expect(output == line("0.5", "decoding") + line("0.5", "decoding") + line("0.5", "decoding") + line("1.0", "finalizing"))
    }

    @Test("drafts are numbered from 1 and none follows the final reply (7.4, 7.5-MUST-NOT-1)")
    func draftsNumbered() throws {
        var harness = Self.ready()
        let handle = try #require(harness.transcribe(id: "2").1)
        let first = H.output(harness.session.transcriptionReport(handle, .draft(Self.segment), now: 0))
        let second = H.output(harness.session.transcriptionReport(handle, .draft(Self.segment), now: 0))
        #expect(first == #"{"jsonrpc":"2.0","method":"draft","params":{"id":2,"seq":1,"segment":\#(Self.segmentJSON)}}"# + "\n")
        #expect(second == #"{"jsonrpc":"2.0","method":"draft","params":{"id":2,"seq":2,"segment":\#(Self.segmentJSON)}}"# + "\n")
        _ = harness.session.transcriptionFinished(handle, .success(Self.transcript), now: 0)
        #expect(harness.session.transcriptionReport(handle, .draft(Self.segment), now: 0) == [])
        #expect(harness.session.transcriptionReport(handle, .progress(fraction: 1, stage: "late"), now: 0) == [])
    }

    @Test("capabilities are enforced: no drafts, no words, no word confidence (5.2-MUST-4, 5.2-MUST-NOT-1/2)")
    func capabilitiesEnforced() throws {
        let bare = EngineDescriptor(name: "b", version: "1", languages: ["en"], drafts: false, wordTimestamps: false, wordConfidence: false)
        var harness = Self.ready(descriptor: bare)
        let handle = try #require(harness.transcribe(id: "1").1)
        #expect(harness.session.transcriptionReport(handle, .draft(Self.segment), now: 0) == [])
        let done = H.output(harness.session.transcriptionFinished(handle, .success(Self.transcript), now: 0))
        #expect(done.contains(#""confidence":0.9,"words":[]}"#))
    }

    @Test("a result over the effective limit becomes -32000 (2.3-MUST-4)")
    func resultTooLarge() throws {
        var harness = SessionHarness(maxMessageBytes: 65_536)
        harness.initialize()
        let handle = try #require(harness.transcribe(id: "1").1)
        let huge = Segment(id: 0, startSeconds: 0, endSeconds: 1, text: String(repeating: "a", count: 70_000))
        let done = H.output(harness.session.transcriptionFinished(handle, .success(Transcript(language: "en", durationSeconds: 1, segments: [huge])), now: 0))
        #expect(done == H.error("1", -32000, "Engine failure", "engine_failure", "result too large: 70181 bytes exceed the 65536-byte limit"))
        #expect(harness.session.metrics.failed == 1)
    }

    @Test("engine errors map to their codes (6.1, 10.1)", arguments: [
        (EngineError(.audioNotFound, reason: "no such file", path: "/x"), -32010, "Audio not found", "audio_not_found", #","path":"/x""#),
        (EngineError(.audioUnsupportedFormat, reason: "not_riff: no RIFF header"), -32011, "Unsupported audio format", "audio_unsupported_format", ""),
        (EngineError(.languageUnsupported, reason: "no model for de"), -32012, "Language unsupported", "language_unsupported", ""),
        (EngineError(.engineFailure, reason: "decoder crashed"), -32000, "Engine failure", "engine_failure", ""),
    ])
    func engineErrors(error: EngineError, code: Int, message: String, name: String, extra: String) throws {
        var harness = Self.ready()
        let handle = try #require(harness.transcribe(id: "1").1)
        #expect(H.output(harness.session.transcriptionFinished(handle, .failure(error), now: 0))
            == H.error("1", code, message, name, error.reason, extra: extra))
    }

    @Test("a transcribe read while the model loads waits and starts when it is ready (6.5-MUST-3)")
    func waitsForModel() {
        var harness = SessionHarness()
        _ = harness.feed(H.initializeLine + "\n")
        let (output, handle) = harness.transcribe(id: "1")
        #expect(output == "" && handle == nil)
        let loaded = harness.session.modelLoaded(.success(()), now: 0)
        #expect(H.effects(loaded) == [.startTranscription(
            RequestHandle(seq: 1, id: 1), TranscriptionRequest(id: 1, audioPath: "/a.wav", language: "en"))])
    }
}
