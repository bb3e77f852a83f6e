import Foundation
import Wire

/// SPEC sections 6.1 and 10: transcription results and audio input.
extension CaseCatalog {
    static let domainResults: [ConformanceCase] = [
        .init("domain/transcribe-result", rule: "6.1-MUST-1", "a transcription result holds language, duration, segments and metrics", transcribeResult),
        .init("domain/segment-ids-and-times", rule: "6.1-MUST-2", "segment ids are unique non-negative integers; 0 ≤ start ≤ end", segmentIDsAndTimes),
        .init("domain/segment-order", rule: "6.1-SHOULD-1", "segments ascend, end ≤ duration, words inside their segment", segmentOrder),
        .init("domain/confidence-range", rule: "6.1-MUST-3", "every confidence is within 0..1", confidenceRange),
        .init("domain/language-echo", rule: "6.1-MUST-4", "result.language is the requested language, or the one used for null", languageEcho),
        .init("domain/language-unsupported", rule: "6.1-MUST-5", "a language outside capabilities.languages gets -32012", languageUnsupported),
        .init("domain/result-metrics", rule: "6.1-SHOULD-2", "metrics.processingMs and metrics.realTimeFactor are reported", resultMetrics),
        .init("domain/capability-words", rule: "5.2-MUST-4", "wordTimestamps false means \"words\": [] in every segment", capabilityWords),
        .init("domain/capability-word-confidence", rule: "5.2-MUST-NOT-2", "wordConfidence false means no word confidence", capabilityWordConfidence),
        .init("domain/capability-drafts", rule: "5.2-MUST-NOT-1", "drafts false means no draft notifications", capabilityDrafts),
        .init("domain/audio-missing", rule: "10.1-MUST-1", "a missing audio path gets -32010", audioMissing),
        .init("domain/audio-undecodable", rule: "10.1-MUST-2", "text, a cut header, a data chunk past the end: -32011 each", audioUndecodable),
        .init("domain/audio-survived", rule: "10.1-MUST-3", "after bad audio (8-bit, directory, garbage) the engine still transcribes", audioSurvived),
        .init("domain/audio-empty", rule: "10.1-MUST-4", "a WAV with zero samples gives duration 0 and no segments", audioEmpty),
        .init("domain/audio-untouched", rule: "10.1-MUST-NOT-1", "the audio file is unchanged after transcription", audioUntouched),
    ]

    /// Bound on a short transcription (the clip is about 2.5 s long).
    static func transcribeTimeoutMs(_ context: CaseContext) -> Int { max(context.replyTimeoutMs, 10_000) }

    /// Transcribes the short clip in a fresh initialized engine; returns the session and the result.
    static func transcribeShort(
        _ context: CaseContext, language: String?? = .none, heartbeatMs: Int = 0
    ) throws(CaseFailure) -> (session: EngineSession, result: JSONValue) {
        let session = try context.launchInitialized(heartbeatMs: heartbeatMs)
        try session.send(Message.request(id: 501, method: "transcribe", params: context.transcribe(context.fixtures.short, language: language)))
        let response = try session.reply(to: 501, what: "transcribe of the short clip", timeoutMs: transcribeTimeoutMs(context))
        return (session, try session.result(of: response, what: "transcribe"))
    }

    static func transcribeResult(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (_, result) = try transcribeShort(context)
        var check = ShapeCheck()
        Shapes.transcribeResult(result, into: &check)
        try check.require("the transcribe result")
        return nil
    }

    static func segmentIDsAndTimes(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (_, result) = try transcribeShort(context)
        var seen: Set<Int> = []
        for segment in result["segments"]?.arrayValue ?? [] {
            let id = segment["id"]?.intValue ?? -1
            try require(id >= 0 && seen.insert(id).inserted, expected: "unique non-negative integer segment ids", actual: segment.serializedString.prefix(120).description)
            for item in [segment] + (segment["words"]?.arrayValue ?? []) {
                let start = item["start"]?.doubleValue ?? -1
                let end = item["end"]?.doubleValue ?? -1
                try require(start >= 0 && start <= end, expected: "0 ≤ start ≤ end", actual: item.serializedString.prefix(120).description)
            }
        }
        return nil
    }

    static func segmentOrder(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (_, result) = try transcribeShort(context)
        let duration = result["duration"]?.doubleValue ?? 0
        var previous: (start: Double, id: Int) = (-1, -1)
        for segment in result["segments"]?.arrayValue ?? [] {
            let start = segment["start"]?.doubleValue ?? 0, end = segment["end"]?.doubleValue ?? 0, id = segment["id"]?.intValue ?? 0
            try require(start >= previous.start && id > previous.id && end <= duration + 1e-6,
                        expected: "ascending start and id, end ≤ duration \(duration)", actual: segment.serializedString.prefix(120).description)
            previous = (start, id)
            for word in segment["words"]?.arrayValue ?? [] {
                let wordStart = word["start"]?.doubleValue ?? 0, wordEnd = word["end"]?.doubleValue ?? 0
                try require(wordStart >= start - 1e-6 && wordEnd <= end + 1e-6,
                            expected: "words inside [\(start), \(end)]", actual: word.serializedString)
            }
        }
        return nil
    }

    static func confidenceRange(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (_, result) = try transcribeShort(context)
        for segment in result["segments"]?.arrayValue ?? [] {
            for item in [segment] + (segment["words"]?.arrayValue ?? []) {
                guard let confidence = item["confidence"] else { continue }
                let value = confidence.doubleValue ?? -1
                try require((0...1).contains(value), expected: "confidence within 0..1", actual: confidence.serializedString)
            }
        }
        return nil
    }

    static func languageEcho(_ context: CaseContext) throws(CaseFailure) -> String? {
        let language = context.profile.language
        let (session, result) = try transcribeShort(context, language: language)
        try require(result["language"]?.stringValue == language, expected: "result.language \"\(language)\"",
                    actual: result["language"]?.serializedString ?? "missing")
        let response = try session.call("transcribe", params: context.transcribe(context.fixtures.short, language: .some(nil)), id: 502)
        let chosen = try session.result(of: response, what: "transcribe with language null")["language"]?.stringValue
        try require(chosen?.isEmpty == false, expected: "a language string when the request said null", actual: chosen ?? "missing")
        return nil
    }

    static func languageUnsupported(_ context: CaseContext) throws(CaseFailure) -> String? {
        let session = try context.launchInitialized()
        try session.callExpectingError("transcribe", params: context.transcribe(context.fixtures.short, language: "xx-lsconform"), id: 511,
                                       code: -32012, because: "language xx-lsconform is not in capabilities.languages")
        return nil
    }

    static func resultMetrics(_ context: CaseContext) throws(CaseFailure) -> String? {
        let (_, result) = try transcribeShort(context)
        let metrics = result["metrics"]
        try require(metrics?["processingMs"]?.intValue != nil && metrics?["realTimeFactor"]?.doubleValue != nil,
                    expected: "metrics.processingMs (integer) and metrics.realTimeFactor", actual: metrics?.serializedString ?? "no metrics")
        return nil
    }

    static func capabilityWords(_ context: CaseContext) throws(CaseFailure) -> String? {
        guard !context.profile.wordTimestamps else { return "wordTimestamps is true: nothing to check" }
        let (_, result) = try transcribeShort(context)
        for segment in result["segments"]?.arrayValue ?? [] {
            try require(segment["words"] == [], expected: "\"words\": []", actual: segment.serializedString.prefix(120).description)
        }
        return nil
    }

    static func capabilityWordConfidence(_ context: CaseContext) throws(CaseFailure) -> String? {
        guard !context.profile.wordConfidence else { return "wordConfidence is true: nothing to check" }
        let (_, result) = try transcribeShort(context)
        for segment in result["segments"]?.arrayValue ?? [] {
            for word in segment["words"]?.arrayValue ?? [] {
                try require(word["confidence"] == nil, expected: "no word confidence", actual: word.serializedString)
            }
        }
        return nil
    }

    static func capabilityDrafts(_ context: CaseContext) throws(CaseFailure) -> String? {
        guard !context.profile.drafts else { return "drafts is true: nothing to check" }
        let (session, _) = try transcribeShort(context)
        try require(session.notifications("draft").isEmpty, expected: "no draft notifications",
                    actual: session.notifications("draft").first?.line.excerpt() ?? "")
        return nil
    }
}
