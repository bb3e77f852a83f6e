import Audio
import Wire

/// Where lsref's words and their times come from.
enum ReferenceWords {
    static let confidenceMatched = 0.97
    static let confidenceMismatched = 0.62
    static let confidenceSpread = 0.9

    static func words(in wav: WAVFile, transcriptText: String?) -> [Word] {
        let bursts = BurstDetector().bursts(in: wav.monoSamples(), sampleRate: wav.sampleRate)
        let rate = Double(wav.sampleRate)
        guard let transcriptText else { return decoded(bursts, rate: rate) }
        let texts = transcriptText.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).map(String.init)
        guard !texts.isEmpty, wav.frameCount > 0 else { return [] }
        if texts.count == bursts.count {
            return zip(texts, bursts).map { text, burst in
                let heard = ToneSpeech.word(nearestTo: burst.frequencyHz)
                let confidence = heard == text.lowercased() ? confidenceMatched : confidenceMismatched
                return Word(text: text, startSeconds: seconds(burst.startSample, rate),
                            endSeconds: seconds(burst.endSample, rate), confidence: confidence)
            }
        }
        let duration = wav.durationSeconds
        return texts.enumerated().map { index, text in
            Word(text: text,
                 startSeconds: ReferencePlanner.roundedSeconds(duration * Double(index) / Double(texts.count)),
                 endSeconds: ReferencePlanner.roundedSeconds(duration * Double(index + 1) / Double(texts.count)),
                 confidence: confidenceSpread)
        }
    }

    /// One word per burst; confidence falls with the distance from the word's exact pitch.
    static func decoded(_ bursts: [BurstDetector.Burst], rate: Double) -> [Word] {
        bursts.map { burst in
            let text = ToneSpeech.word(nearestTo: burst.frequencyHz)
            let errorHz = abs(burst.frequencyHz - ToneSpeech.frequencyHz(of: text))
            let confidence = 0.99 - 0.5 * Double(errorHz) / Double(ToneSpeech.stepHz / 2)
            return Word(text: text, startSeconds: seconds(burst.startSample, rate), endSeconds: seconds(burst.endSample, rate),
                        confidence: ReferencePlanner.roundedConfidence(max(0.3, confidence)))
        }
    }

    static func seconds(_ sample: Int, _ rate: Double) -> Double { ReferencePlanner.roundedSeconds(Double(sample) / rate) }
}
