/// "Tone speech": each word becomes a tone burst whose pitch encodes the word's place in a fixed
/// vocabulary, with silence between words. The reference engine decodes such audio back into words,
/// so tests and demos have audio whose "correct transcript" is known without a real recogniser.
public enum ToneSpeech {
    /// The vocabulary; word i is a burst at `baseHz + i * stepHz`.
    public static let vocabulary = [
        "hello", "world", "this", "is", "a", "test", "of", "the", "lingo", "sub",
        "sidecar", "kit", "one", "two", "three", "four", "five", "six", "seven", "eight",
        "nine", "ten", "speech", "engine", "subtitle", "quick", "brown", "fox", "jumps", "over",
        "lazy", "dog",
    ]
    public static let baseHz = 300
    public static let stepHz = 50

    /// The frequency that stands for `word` (unknown words fold onto the vocabulary by a stable hash).
    public static func frequencyHz(of word: String) -> Int {
        baseHz + stepHz * index(of: word)
    }

    /// The vocabulary word nearest to a measured frequency.
    public static func word(nearestTo frequencyHz: Int) -> String {
        let slot = (frequencyHz - baseHz + stepHz / 2) / stepHz
        return vocabulary[min(vocabulary.count - 1, max(0, slot))]
    }

    static func index(of word: String) -> Int {
        let lowered = word.lowercased()
        if let index = vocabulary.firstIndex(of: lowered) { return index }
        var hash: UInt32 = 2_166_136_261  // FNV-1a: stable across runs and platforms.
        for byte in lowered.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(vocabulary.count))
    }

    /// Renders words as 16-bit mono PCM: 0.3 s lead-in silence, then per word a burst of
    /// `120 + 25 * letters` ms at amplitude 8000 followed by 150 ms of silence.
    public static func render(_ words: [String], sampleRate: Int = 8_000) -> WAVFile {
        var samples = [Int16](repeating: 0, count: sampleRate * 3 / 10)
        for word in words {
            let burstSamples = sampleRate * (120 + 25 * word.count) / 1000
            let frequency = frequencyHz(of: word)
            for n in 0..<burstSamples {
                samples.append(square(n: n, frequencyHz: frequency, sampleRate: sampleRate))
            }
            samples += [Int16](repeating: 0, count: sampleRate * 150 / 1000)
        }
        return WAVFile(sampleRate: sampleRate, channels: 1, samples: samples)
    }

    /// A square wave (exact integer arithmetic, so the bytes never depend on libm).
    private static func square(n: Int, frequencyHz: Int, sampleRate: Int) -> Int16 {
        (n * frequencyHz * 2 / sampleRate) % 2 == 0 ? 8_000 : -8_000
    }
}
