import Wire

extension AlignmentText {
    /// The measures as one object: `wer` (or `cer`), `mer`, `wil`, `wip`, `hits`, `substitutions`,
    /// `deletions`, `insertions`.
    public static func measuresJSON(_ report: ErrorRateReport) -> JSONValue {
        let counts = report.counts
        var object = JSONObject()
        object[report.unit == .word ? "wer" : "cer"] = .double(counts.errorRate)
        object["mer"] = .double(counts.matchErrorRate)
        object["wil"] = .double(counts.wordInformationLost)
        object["wip"] = .double(counts.wordInformationPreserved)
        object["hits"] = .int(counts.hits)
        object["substitutions"] = .int(counts.substitutions)
        object["deletions"] = .int(counts.deletions)
        object["insertions"] = .int(counts.insertions)
        return .object(object)
    }

    /// Every sentence's tokens and chunks:
    /// `{"unit", "sentences": [{"index", "reference", "hypothesis", "chunks": [{"type", "reference_start",
    /// "reference_end", "hypothesis_start", "hypothesis_end"}]}]}` (index 1-based, ends exclusive).
    public static func alignmentJSON(_ report: ErrorRateReport) -> JSONValue {
        var sentences: [JSONValue] = []
        for sentence in 0..<report.sentenceCount {
            var chunks: [JSONValue] = []
            for chunk in report.chunks(sentence: sentence) {
                chunks.append([
                    "type": .string(chunk.kind.rawValue),
                    "reference_start": .int(chunk.referenceRange.lowerBound),
                    "reference_end": .int(chunk.referenceRange.upperBound),
                    "hypothesis_start": .int(chunk.hypothesisRange.lowerBound),
                    "hypothesis_end": .int(chunk.hypothesisRange.upperBound),
                ])
            }
            sentences.append([
                "index": .int(sentence + 1),
                "reference": .array(report.referenceTokens(sentence: sentence).map { .string($0) }),
                "hypothesis": .array(report.hypothesisTokens(sentence: sentence).map { .string($0) }),
                "chunks": .array(chunks),
            ])
        }
        return ["unit": .string(report.unit.rawValue), "sentences": .array(sentences)]
    }
}
