import Audio
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("Tone speech and burst detection")
struct ToneSpeechTests {
    @Test("every vocabulary word decodes back to itself", arguments: [8_000, 16_000, 44_100])
    func vocabularyRoundTrip(sampleRate: Int) {
        let file = ToneSpeech.render(ToneSpeech.vocabulary, sampleRate: sampleRate)
        let bursts = BurstDetector().bursts(in: file.samples, sampleRate: sampleRate)
        #expect(bursts.map { ToneSpeech.word(nearestTo: $0.frequencyHz) } == ToneSpeech.vocabulary)
    }

    @Test("burst times follow the rendering layout")
    func burstTimes() {
        let file = ToneSpeech.render(["hello", "kit"])
        let bursts = BurstDetector().bursts(in: file.samples, sampleRate: 8_000)
        // 0.3 s lead-in (2_400 samples); hello = 245 ms (1_960); 150 ms gap (1_200); kit = 195 ms (1_560).
        // Edges snap outward to 10 ms (80-sample) analysis frames: 4_360 → 4_400, 5_560 → 5_520.
        #expect(bursts.map(\.startSample) == [2_400, 5_520])
        #expect(bursts.map(\.endSample) == [4_400, 7_120])
    }

    @Test("silence has no bursts")
    func silence() {
        #expect(BurstDetector().bursts(in: [Int16](repeating: 3, count: 8_000), sampleRate: 8_000).isEmpty)
    }

    @Test("unknown words fold onto the vocabulary deterministically")
    func unknownWords() {
        #expect(ToneSpeech.frequencyHz(of: "Hello") == 300)
        #expect(ToneSpeech.frequencyHz(of: "zebra") == ToneSpeech.frequencyHz(of: "ZEBRA"))
    }
}

@Suite("Bundled sample audio")
struct SampleAudioTests {
    static let samples: [(name: String, text: String)] = [
        ("hello", "hello world this is the lingo sub sidecar kit"),
        ("count", "one two three four five six seven eight nine ten"),
    ]

    static var audioDirectory: String {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/AudioTests/ToneSpeechTests.swift
        return parts.joined(separator: "/") + "/Examples/audio"
    }

    /// The committed WAVs are exactly what the generator makes. Set LINGOSUB_REGENERATE_SAMPLES=1 to rewrite them.
    @Test("Examples/audio WAVs match the generator byte for byte", arguments: samples.map(\.name))
    func committedSamples(name: String) throws {
        let text = Self.samples.first { $0.name == name }!.text
        let expected = ToneSpeech.render(text.split(separator: " ").map(String.init)).encoded()
        let path = Self.audioDirectory + "/\(name).wav"
        if getenv("LINGOSUB_REGENERATE_SAMPLES") != nil {
            writeFile(path, expected)
            writeFile(Self.audioDirectory + "/\(name).txt", Array((text + "\n").utf8))
        }
        #expect(readFile(path) == expected)
        #expect(readFile(Self.audioDirectory + "/\(name).txt") == Array((text + "\n").utf8))
    }
}

func readFile(_ path: String) -> [UInt8]? {
    guard let handle = fopen(path, "rb") else { return nil }
    defer { fclose(handle) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
        let count = fread(&buffer, 1, buffer.count, handle)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    return bytes
}

func writeFile(_ path: String, _ bytes: [UInt8]) {
    guard let handle = fopen(path, "wb") else { return }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, handle) }
    fclose(handle)
}
