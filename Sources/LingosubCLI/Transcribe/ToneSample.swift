import Audio
import Foundation

/// A tiny tone-speech WAV ("hello world") in a fresh temporary file, for `engines check`.
struct ToneSample {
    static let words = ["hello", "world"]
    let path: String

    /// Writes the sample; nil when the temporary directory is not writable.
    static func make() -> ToneSample? {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("lingosub-check-\(UUID().uuidString).wav").path
        let bytes = ToneSpeech.render(words).encoded()
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return nil }
        return ToneSample(path: path)
    }

    func remove() {
        do { try FileManager.default.removeItem(atPath: path) } catch {
            // Already gone: nothing to clean.
        }
    }
}
