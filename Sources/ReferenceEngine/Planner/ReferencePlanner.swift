import Audio
import EngineSDK
import Wire

/// lsref's transcription logic, pure: audio bytes and an optional transcript text in, a timed plan out.
///
/// The words come from `<audio>.txt` when the caller found one (spread over the detected bursts when
/// the counts match, else evenly over the duration), otherwise from the audio itself (each tone burst
/// decoded with `ToneSpeech.word(nearestTo:)`). Segments end at a long pause or after
/// `wordsPerSegmentMax` words. Times are rounded to the millisecond, confidences to 0.01.
package enum ReferencePlanner {
    /// The plan for one request. `audio` nil means the file was missing or unreadable;
    /// `requestNumber` counts this engine's transcriptions from 1 (for `--crash-after`, `--hang-after`).
    package static func plan(
        audio: [UInt8]?, transcriptText: String?, request: TranscriptionRequest, requestNumber: Int,
        behaviour: ReferenceBehaviour
    ) -> TranscriptionPlan {
        let outcome = transcribe(audio: audio, transcriptText: transcriptText, request: request, behaviour: behaviour)
        guard case .success(let transcript) = outcome else {
            return TranscriptionPlan(steps: [PlanStep(atMs: behaviour.latencyMs, ending(outcome, requestNumber, behaviour))])
        }
        let segments = transcript.segments
        let stages = segments.count + 1
        func offset(_ stage: Int) -> Int { behaviour.latencyMs * stage / stages + behaviour.stepMs * stage }
        var steps = [PlanStep(atMs: 0, .progress(fraction: 0, stage: "loading_audio"))]
        for (index, segment) in segments.enumerated() {
            let fraction = (Double(index + 1) / Double(stages) * 1000).rounded() / 1000
            steps.append(PlanStep(atMs: offset(index + 1), .progress(fraction: fraction, stage: "decoding")))
            steps.append(PlanStep(atMs: offset(index + 1), .draft(segment)))
        }
        let endMs = offset(stages)
        steps.append(PlanStep(atMs: endMs, .progress(fraction: 1, stage: "finalizing")))
        if behaviour.garbageOutput { steps.append(PlanStep(atMs: endMs, .rawOutput(ReferenceBehaviour.garbageLine))) }
        if behaviour.oversizedOutput { steps.append(PlanStep(atMs: endMs, .oversizedLine)) }
        steps.append(PlanStep(atMs: endMs, ending(outcome, requestNumber, behaviour)))
        return TranscriptionPlan(steps: steps)
    }

    private static func ending(
        _ outcome: Result<Transcript, EngineError>, _ requestNumber: Int, _ behaviour: ReferenceBehaviour
    ) -> PlanAction {
        if behaviour.crashAfterRequests == requestNumber { return .crash(exitCode: behaviour.crashExitCode) }
        if behaviour.hangAfterRequests == requestNumber { return .hang }
        return .finish(outcome)
    }

    /// The transcript alone (or the audio error), without timing.
    package static func transcribe(
        audio: [UInt8]?, transcriptText: String?, request: TranscriptionRequest, behaviour: ReferenceBehaviour
    ) -> Result<Transcript, EngineError> {
        guard let audio else {
            return .failure(EngineError(.audioNotFound, reason: "no such file or not readable", path: request.audioPath))
        }
        let wav: WAVFile
        do throws(WAVError) {
            wav = try WAVFile(bytes: audio)
        } catch {
            return .failure(EngineError(.audioUnsupportedFormat, reason: error.description, path: request.audioPath))
        }
        let language = request.language ?? behaviour.languages[0]
        let words = ReferenceWords.words(in: wav, transcriptText: transcriptText)
        let segments = segment(words, behaviour: behaviour)
        return .success(Transcript(language: language, durationSeconds: roundedSeconds(wav.durationSeconds), segments: segments))
    }

    /// Groups words into segments at long pauses and every `wordsPerSegmentMax` words.
    package static func segment(_ words: [Word], behaviour: ReferenceBehaviour) -> [Segment] {
        var groups: [[Word]] = []
        for word in words {
            if let last = groups.last?.last, groups[groups.count - 1].count < behaviour.wordsPerSegmentMax,
               (word.startSeconds - last.endSeconds) * 1000 < Double(behaviour.pauseMsMin) {
                groups[groups.count - 1].append(word)
            } else {
                groups.append([word])
            }
        }
        return groups.enumerated().map { index, group in
            var confidenceSum = 0.0
            for word in group { confidenceSum += word.confidence ?? 0 }
            return Segment(
                id: index, startSeconds: group[0].startSeconds, endSeconds: group[group.count - 1].endSeconds,
                text: group.map(\.text).joined(separator: " "),
                confidence: roundedConfidence(confidenceSum / Double(group.count)), words: group)
        }
    }

    static func roundedSeconds(_ seconds: Double) -> Double { (seconds * 1000).rounded() / 1000 }
    static func roundedConfidence(_ value: Double) -> Double { (min(1, max(0, value)) * 100).rounded() / 100 }
}
