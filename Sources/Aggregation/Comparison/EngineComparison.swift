import Wire

/// Compares several engines' transcripts of the same audio (see `ComparisonReport`).
public enum EngineComparison {
    /// `names[i]` labels `transcripts[i]`; `reference` is the true text, when known.
    public static func compare(
        names: [String], transcripts: [Transcript], reference: String? = nil
    ) throws(AggregationError) -> ComparisonReport {
        guard !transcripts.isEmpty, names.count == transcripts.count else {
            throw AggregationError(code: .noInputs, detail: "\(names.count) names for \(transcripts.count) transcripts")
        }
        let texts = transcripts.map(\.text)
        let count = transcripts.count
        var wer = [[Double?]](repeating: [Double?](repeating: nil, count: count), count: count)
        var agreement = wer
        var bleu = [[Double]](repeating: [Double](repeating: 0, count: count), count: count)
        var drift = [[ComparisonReport.TimingDrift?]](repeating: [ComparisonReport.TimingDrift?](repeating: nil, count: count), count: count)
        for row in 0..<count {
            for column in 0..<count {
                let counts = try pairCounts(reference: texts[row], hypothesis: texts[column])
                wer[row][column] = counts.referenceLength > 0 ? counts.errorRate : nil
                agreement[row][column] = counts.referenceLength + counts.hypothesisLength > 0 ? 1 - counts.matchErrorRate : nil
                bleu[row][column] = BLEU.sentence(hypothesis: texts[column], reference: texts[row]).score
                drift[row][column] = try timingDrift(reference: transcripts[row].timedWords, hypothesis: transcripts[column].timedWords)
            }
        }
        var report = ComparisonReport(
            engines: names, pairwiseWER: wer, agreement: agreement, bleu: bleu,
            confidence: transcripts.map { confidenceStatistics($0.timedWords) }, timingDrift: drift)
        if let reference {
            var referenceWER: [Double?] = []
            for text in texts {
                let counts = try pairCounts(reference: reference, hypothesis: text)
                referenceWER.append(counts.referenceLength > 0 ? counts.errorRate : nil)
            }
            report.referenceWER = referenceWER
        }
        report.recommendation = recommend(report)
        return report
    }

    /// The index of the transcript closest to the others (lowest mean MER, i.e. 1 − agreement,
    /// against each other transcript; symmetric, so a short outlier cannot inflate the others;
    /// ties: the first). Used by `lingosub merge --strategy best`.
    public static func consensusClosest(_ transcripts: [Transcript]) throws(AggregationError) -> Int {
        let names = transcripts.indices.map { "\($0)" }
        return try compare(names: names, transcripts: transcripts).recommendation?.engine ?? 0
    }

    static func pairCounts(reference: String, hypothesis: String) throws(AggregationError) -> ErrorCounts {
        var options = ErrorRateOptions()
        options.allowsEmptyReferences = true
        return try ErrorRate.words(reference: reference, hypothesis: hypothesis, options: options).counts
    }

    static func recommend(_ report: ComparisonReport) -> ComparisonReport.Recommendation? {
        if let referenceWER = report.referenceWER {
            var best: ComparisonReport.Recommendation?
            for (engine, value) in referenceWER.enumerated() {
                guard let value else { continue }
                if best == nil || value < best!.value { best = .init(engine: engine, basis: .lowestReferenceWER, value: value) }
            }
            return best
        }
        let count = report.engines.count
        var best: ComparisonReport.Recommendation?
        for engine in 0..<count {
            var sum = 0.0
            var scored = 0
            for other in 0..<count where other != engine {
                if let value = report.agreement[other][engine] {
                    sum += 1 - value
                    scored += 1
                }
            }
            let mean = scored == 0 ? (count == 1 ? 0 : Double.infinity) : sum / Double(scored)
            if best == nil || mean < best!.value { best = .init(engine: engine, basis: .closestToConsensus, value: mean) }
        }
        return best
    }

    static func timingDrift(reference: [Word], hypothesis: [Word]) throws(AggregationError) -> ComparisonReport.TimingDrift? {
        let pairs = try WeightedAlignment.align(reference: reference.map(\.text), hypothesis: hypothesis.map(\.text))
        var sum = 0.0
        var absolute = 0.0
        var matched = 0
        for pair in pairs where pair.kind == .correct {
            guard let row = pair.referenceIndex, let column = pair.hypothesisIndex else { continue }
            let offset = hypothesis[column].startSeconds - reference[row].startSeconds
            sum += offset
            absolute += abs(offset)
            matched += 1
        }
        guard matched > 0 else { return nil }
        return .init(meanSeconds: sum / Double(matched), meanAbsoluteSeconds: absolute / Double(matched), matchedWords: matched)
    }

    static func confidenceStatistics(_ words: [Word]) -> ComparisonReport.ConfidenceStatistics {
        var statistics = ComparisonReport.ConfidenceStatistics()
        statistics.wordCount = words.count
        let values = words.compactMap(\.confidence).sorted()
        statistics.scoredCount = values.count
        guard let first = values.first, let last = values.last else { return statistics }
        var sum = 0.0
        for value in values { sum += value }
        statistics.mean = sum / Double(values.count)
        statistics.minimum = first
        statistics.maximum = last
        let middle = values.count / 2
        statistics.median = values.count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2
        statistics.lowShare = Double(values.filter { $0 < 0.5 }.count) / Double(values.count)
        return statistics
    }
}
