import Wire

extension ComparisonReport {
    /// `{"engines", "pairwise_wer", "agreement", "bleu", "confidence", "timing_drift",
    /// "reference_wer"?, "recommendation"}`; matrices are arrays of rows, nulls where undefined.
    public var json: JSONValue {
        var object = JSONObject()
        object["engines"] = .array(engines.map { .string($0) })
        object["pairwise_wer"] = .array(pairwiseWER.map { .array($0.map(Self.optional)) })
        object["agreement"] = .array(agreement.map { .array($0.map(Self.optional)) })
        object["bleu"] = .array(bleu.map { .array($0.map { .double($0) }) })
        object["confidence"] = .array(confidence.map(\.json))
        object["timing_drift"] = .array(timingDrift.map { row in .array(row.map { $0?.json ?? .null }) })
        if let referenceWER { object["reference_wer"] = .array(referenceWER.map(Self.optional)) }
        if let recommendation {
            object["recommendation"] = [
                "engine": .string(engines[recommendation.engine]),
                "index": .int(recommendation.engine),
                "basis": .string(recommendation.basis.rawValue),
                "value": .double(recommendation.value),
            ]
        } else {
            object["recommendation"] = .null
        }
        return .object(object)
    }

    static func optional(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
}

extension ComparisonReport.ConfidenceStatistics {
    var json: JSONValue {
        [
            "words": .int(wordCount), "scored": .int(scoredCount),
            "mean": ComparisonReport.optional(mean), "min": ComparisonReport.optional(minimum),
            "max": ComparisonReport.optional(maximum), "median": ComparisonReport.optional(median),
            "low_share": ComparisonReport.optional(lowShare),
        ]
    }
}

extension ComparisonReport.TimingDrift {
    var json: JSONValue {
        ["mean_seconds": .double(meanSeconds), "mean_absolute_seconds": .double(meanAbsoluteSeconds), "matched_words": .int(matchedWords)]
    }
}
