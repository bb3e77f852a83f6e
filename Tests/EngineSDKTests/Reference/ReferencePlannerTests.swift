import Audio
import Foundation
import EngineSDK
import ReferenceEngine
import Testing
import Wire

@Suite("lsref's planner turns the sample WAVs into exact words, times and plans")
struct ReferencePlannerTests {
    /// Where ToneSpeech.render puts each word, snapped to BurstDetector's 10 ms frames:
    /// 300 ms lead-in, then per word a burst of 120 + 25 × letters ms and 150 ms of silence.
    static func referenceTimes(_ words: [String]) -> [(start: Double, end: Double)] {
        var startMs = 300
        var times: [(start: Double, end: Double)] = []
        for word in words {
            let endMs = startMs + 120 + 25 * word.count
            times.append((Double(startMs / 10) / 100, Double((endMs + 9) / 10) / 100))
            startMs = endMs + 150
        }
        return times
    }

    static func request(_ path: String = "/audio.wav", language: String? = "en") -> TranscriptionRequest {
        TranscriptionRequest(id: 1, audioPath: path, language: language)
    }

    static func transcript(_ sample: String, withText: Bool) throws -> Transcript {
        let audio = try Fixtures.bytes("Examples/audio/\(sample).wav")
        let text = withText ? try Fixtures.text("Examples/audio/\(sample).txt") : nil
        return try ReferencePlanner.transcribe(audio: audio, transcriptText: text, request: request(), behaviour: ReferenceBehaviour()).get()
    }

    @Test("words and times match the sample's transcript and tone timing, with or without the .txt",
          arguments: ["hello", "count"], [true, false])
    func sampleWords(sample: String, withText: Bool) throws {
        let expectedWords = try Fixtures.text("Examples/audio/\(sample).txt").split(separator: " ").map {
            $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let transcript = try Self.transcript(sample, withText: withText)
        let words = transcript.words
        #expect(words.map(\.text) == expectedWords)
        let times = Self.referenceTimes(expectedWords)
        #expect(words.map(\.startSeconds) == times.map(\.start))
        #expect(words.map(\.endSeconds) == times.map(\.end))
        for word in words { #expect((0.3...0.99).contains(word.confidence ?? -1)) }
        if withText { #expect(words.allSatisfy { $0.confidence == 0.97 }) }
    }

    @Test("hello.wav becomes two segments of at most five words")
    func helloSegments() throws {
        let transcript = try Self.transcript("hello", withText: true)
        #expect(transcript.language == "en")
        #expect(transcript.durationSeconds == 3.655)
        #expect(transcript.segments.map(\.text) == ["hello world this is the", "lingo sub sidecar kit"])
        #expect(transcript.segments.map(\.id) == [0, 1])
        #expect(transcript.segments.map(\.startSeconds) == [0.3, 2.12])
        #expect(transcript.segments.map(\.endSeconds) == [1.98, 3.51])
        #expect(transcript.segments.map(\.confidence) == [0.97, 0.97])
    }

    @Test("a long pause starts a new segment")
    func pauseSplits() throws {
        var behaviour = ReferenceBehaviour()
        behaviour.pauseMsMin = 100
        let audio = try Fixtures.bytes("Examples/audio/count.wav")
        let transcript = try ReferencePlanner.transcribe(audio: audio, transcriptText: nil, request: Self.request(), behaviour: behaviour).get()
        #expect(transcript.segments.count == 10)
    }

    @Test("a text whose word count differs from the bursts is spread evenly over the duration")
    func spreadEvenly() throws {
        let audio = ToneSpeech.render(["hello", "world"]).encoded()
        let transcript = try ReferencePlanner.transcribe(
            audio: audio, transcriptText: "a b c d", request: Self.request(language: nil), behaviour: ReferenceBehaviour()).get()
        #expect(transcript.language == "en")
        #expect(transcript.durationSeconds == 1.09)
        #expect(transcript.words.map(\.startSeconds) == [0, 0.273, 0.545, 0.818])
        #expect(transcript.words.map(\.endSeconds) == [0.273, 0.545, 0.818, 1.09])
        #expect(transcript.words.allSatisfy { $0.confidence == 0.9 })
    }

    @Test("audio errors: missing is -32010, not a WAV or not 16-bit PCM is -32011 (10.1-MUST-1/2)")
    func audioErrors() {
        let behaviour = ReferenceBehaviour()
        let missing = ReferencePlanner.transcribe(audio: nil, transcriptText: nil, request: Self.request("/nope.wav"), behaviour: behaviour)
        #expect(missing == .failure(EngineError(.audioNotFound, reason: "no such file or not readable", path: "/nope.wav")))
        let garbage = ReferencePlanner.transcribe(audio: Array("hello".utf8), transcriptText: nil, request: Self.request(), behaviour: behaviour)
        #expect(garbage == .failure(EngineError(.audioUnsupportedFormat, reason: "not_riff: no RIFF header", path: "/audio.wav")))
        var eightBit = ToneSpeech.render(["hi"]).encoded()
        eightBit[34] = 8
        let unsupported = ReferencePlanner.transcribe(audio: eightBit, transcriptText: nil, request: Self.request(), behaviour: behaviour)
        guard case .failure(let error) = unsupported else { Issue.record("8-bit audio was accepted"); return }
        #expect(error.code == .audioUnsupportedFormat)
    }

    @Test("a WAV with no samples gives duration 0 and no segments (10.1-MUST-4)", arguments: [nil, "hello world"])
    func emptyAudio(text: String?) throws {
        let audio = WAVFile(sampleRate: 16_000, channels: 1, samples: []).encoded()
        let transcript = try ReferencePlanner.transcribe(audio: audio, transcriptText: text, request: Self.request(), behaviour: ReferenceBehaviour()).get()
        #expect(transcript == Transcript(language: "en", durationSeconds: 0, segments: []))
    }

    @Test("stereo audio at another rate is read too")
    func stereo() throws {
        let mono = ToneSpeech.render(["quick", "fox"], sampleRate: 16_000)
        var interleaved: [Int16] = []
        for sample in mono.samples { interleaved += [sample, sample] }
        let audio = WAVFile(sampleRate: 16_000, channels: 2, samples: interleaved).encoded()
        let transcript = try ReferencePlanner.transcribe(audio: audio, transcriptText: nil, request: Self.request(), behaviour: ReferenceBehaviour()).get()
        #expect(transcript.words.map(\.text) == ["quick", "fox"])
    }

    @Test("the plan sends progress and one draft per segment before the final result", arguments: [0, 300])
    func planTiming(latencyMs: Int) throws {
        var behaviour = ReferenceBehaviour()
        behaviour.latencyMs = latencyMs
        let audio = try Fixtures.bytes("Examples/audio/hello.wav")
        let text = try Fixtures.text("Examples/audio/hello.txt")
        let plan = ReferencePlanner.plan(audio: audio, transcriptText: text, request: Self.request(), requestNumber: 1, behaviour: behaviour)
        let transcript = try Self.transcript("hello", withText: true)
        let offsets = latencyMs == 0 ? [0, 20, 40, 60] : [0, 120, 240, 360]
        #expect(plan.steps == [
            PlanStep(atMs: offsets[0], .progress(fraction: 0, stage: "loading_audio")),
            PlanStep(atMs: offsets[1], .progress(fraction: 0.333, stage: "decoding")),
            PlanStep(atMs: offsets[1], .draft(transcript.segments[0])),
            PlanStep(atMs: offsets[2], .progress(fraction: 0.667, stage: "decoding")),
            PlanStep(atMs: offsets[2], .draft(transcript.segments[1])),
            PlanStep(atMs: offsets[3], .progress(fraction: 1, stage: "finalizing")),
            PlanStep(atMs: offsets[3], .finish(.success(transcript))),
        ])
    }

    @Test("fault switches become plan steps: garbage, oversized line, crash on the N-th, hang on the N-th")
    func faultSteps() throws {
        var behaviour = ReferenceBehaviour()
        behaviour.garbageOutput = true
        behaviour.oversizedOutput = true
        behaviour.crashAfterRequests = 2
        behaviour.hangAfterRequests = 3
        let audio = try Fixtures.bytes("Examples/audio/hello.wav")
        func tail(_ number: Int) -> [PlanAction] {
            let plan = ReferencePlanner.plan(audio: audio, transcriptText: nil, request: Self.request(), requestNumber: number, behaviour: behaviour)
            return plan.steps.suffix(3).map(\.action)
        }
        #expect(Array(tail(2).prefix(2)) == [.rawOutput(ReferenceBehaviour.garbageLine), .oversizedLine])
        #expect(tail(2).last == .crash(exitCode: 3))
        #expect(tail(3).last == .hang)
        guard case .finish(.success)? = tail(1).last else { Issue.record("request 1 should finish"); return }
        let missing = ReferencePlanner.plan(audio: nil, transcriptText: nil, request: Self.request(), requestNumber: 1, behaviour: behaviour)
        #expect(missing.steps.count == 1)
    }
}
