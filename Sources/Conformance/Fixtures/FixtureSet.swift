import Audio
import Foundation

/// The audio files cases send, written once per run into a private directory (the runner carries no
/// external files). `--audio DIR` replaces the short and long clips with the user's own WAVs.
package struct FixtureSet: Sendable {
    package var directory: String
    /// A few words, about 2 s.
    package var short: String
    /// Long enough to stay in flight while a case probes the engine (`longSeconds`).
    package var long: String
    package var longSeconds: Double
    /// A valid WAV with zero samples.
    package var empty: String
    /// Bytes that are not audio at all.
    package var notAudio: String
    /// A RIFF header cut short.
    package var truncated: String
    /// A WAV whose data chunk claims more bytes than the file holds.
    package var overlongData: String
    /// 8-bit PCM, a sample width engines are not required to accept.
    package var eightBit: String
    /// A path that does not exist.
    package var missing: String

    /// Sample rate of generated clips (the SPEC's default form: 16-bit mono 16 kHz).
    package static let sampleRate = 16_000
    package static let longSecondsDefault = 120.0

    /// Writes the fixtures into a fresh temporary directory.
    package static func generate(longSeconds: Double = longSecondsDefault, userAudioDirectory: String? = nil) throws(FixtureError) -> FixtureSet {
        var template = Array((NSTemporaryDirectory() + "/lsconform-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw FixtureError("cannot create a temporary directory: errno \(errno)")
        }
        let directory = String(cString: made)
        let shortWAV = ToneSpeech.render(["hello", "world", "this", "is", "a", "test"], sampleRate: sampleRate)
        var set = FixtureSet(
            directory: directory, short: directory + "/short.wav", long: directory + "/long.wav",
            longSeconds: longSeconds, empty: directory + "/empty.wav", notAudio: directory + "/not-audio.wav",
            truncated: directory + "/truncated.wav", overlongData: directory + "/overlong-data.wav",
            eightBit: directory + "/eight-bit.wav", missing: directory + "/does-not-exist.wav")
        let shortBytes = shortWAV.encoded()
        try write(shortBytes, to: set.short)
        try write(longClip(seconds: longSeconds).encoded(), to: set.long)
        try write(WAVFile(sampleRate: sampleRate, channels: 1, samples: []).encoded(), to: set.empty)
        try write(Array("this is not a WAV file, just text\n".utf8), to: set.notAudio)
        try write(Array(shortBytes.prefix(20)), to: set.truncated)
        var overlong = Array(shortBytes.prefix(44))
        overlong.append(contentsOf: [UInt8](repeating: 0, count: 100))
        try write(overlong, to: set.overlongData)
        try write(eightBitClip(), to: set.eightBit)
        if let userAudioDirectory { try set.adopt(userAudioDirectory) }
        return set
    }

    /// Uses the shortest WAV in `directory` as the short clip, and the longest as the long clip when it
    /// lasts at least `longSeconds` (else the generated long clip stays: in-flight cases need it).
    private mutating func adopt(_ userDirectory: String) throws(FixtureError) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: userDirectory) } catch {
            throw FixtureError("cannot read --audio \(userDirectory): \(error)")
        }
        var clips: [(path: String, seconds: Double)] = []
        for name in names.sorted() where name.lowercased().hasSuffix(".wav") {
            let path = (userDirectory as NSString).appendingPathComponent(name)
            let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
            guard let bytes = FileManager.default.contents(atPath: absolute) else { continue }
            do { clips.append((absolute, try WAVFile(bytes: Array(bytes)).durationSeconds)) } catch { continue }
        }
        guard let shortest = clips.min(by: { $0.seconds < $1.seconds }), let longest = clips.max(by: { $0.seconds < $1.seconds }) else {
            throw FixtureError("--audio \(userDirectory) holds no readable 16-bit PCM .wav file")
        }
        short = shortest.path
        if longest.seconds >= longSeconds {
            long = longest.path
            longSeconds = longest.seconds
        }
    }

    private static func longClip(seconds: Double) -> WAVFile {
        var words: [String] = []
        var index = 0
        // Each word lasts about 0.4 s (ToneSpeech timing); render enough of them.
        while Double(words.count) * 0.4 < seconds {
            words.append(ToneSpeech.vocabulary[index % ToneSpeech.vocabulary.count])
            index += 1
        }
        return ToneSpeech.render(words, sampleRate: sampleRate)
    }

    private static func eightBitClip() -> [UInt8] {
        var bytes = Array("RIFF".utf8) + le32(36 + 800) + Array("WAVE".utf8) + Array("fmt ".utf8) + le32(16)
        bytes += le16(1) + le16(1) + le32(8_000) + le32(8_000) + le16(1) + le16(8)
        bytes += Array("data".utf8) + le32(800) + [UInt8](repeating: 128, count: 800)
        return bytes
    }

    private static func le16(_ value: Int) -> [UInt8] { [UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)] }
    private static func le32(_ value: Int) -> [UInt8] { le16(value & 0xFFFF) + le16((value >> 16) & 0xFFFF) }

    private static func write(_ bytes: [UInt8], to path: String) throws(FixtureError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw FixtureError("cannot write \(path)")
        }
    }

    /// Removes the generated directory (never the user's audio).
    package func remove() {
        do { try FileManager.default.removeItem(atPath: directory) } catch { return }
    }
}
