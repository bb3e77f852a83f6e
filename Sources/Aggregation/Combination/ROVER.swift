import Wire

/// Recognizer Output Voting Error Reduction (Fiscus 1997): merges several engines' word-timed
/// transcripts into one that is usually better than each.
public enum ROVER {
    /// A gap between words at least this long starts a new segment of the merged transcript.
    public static let segmentGapSecondsMin = 1.0

    /// Aligns the transcripts' words into a word transition network (the first transcript is the
    /// base, then the others in order) and picks one candidate per slot with `scheme`.
    ///
    /// Ties on score go to the candidate with more votes, then to a word over the null arc, then to
    /// the word of the lowest-numbered system that has it. A chosen word's times are the mean of
    /// the voting arcs' times; its confidence is N(w)/N for frequency voting, else its C(w).
    public static func combine(_ transcripts: [Transcript], scheme: VotingScheme = .frequency) throws(AggregationError) -> Transcript {
        guard let first = transcripts.first else {
            throw AggregationError(code: .noInputs, detail: "ROVER needs at least one transcript")
        }
        guard (0...1).contains(scheme.alpha), (0...1).contains(scheme.nullConfidence) else {
            throw AggregationError(code: .invalidParameter, detail: "alpha and null confidence must be in 0...1")
        }
        var network = WordTransitionNetwork(first: first.timedWords)
        for transcript in transcripts.dropFirst() { try network.add(transcript.timedWords) }
        var words: [Word] = []
        for slot in network.slots {
            if let word = vote(slot, systemCount: network.systemCount, scheme: scheme) { words.append(word) }
        }
        var durationSeconds = 0.0
        for transcript in transcripts { durationSeconds = max(durationSeconds, transcript.durationSeconds) }
        return Transcript(language: first.language, durationSeconds: durationSeconds, segments: segments(words))
    }

    struct Candidate {
        var text: String?
        var votes: Int
        var confidence: Double
        var firstSystem: Int
        var score = 0.0
    }

    static func vote(_ slot: WordTransitionNetwork.Slot, systemCount: Int, scheme: VotingScheme) -> Word? {
        var candidates: [Candidate] = []
        var nullVotes = 0
        var nullSystem = Int.max
        for (system, arc) in slot.arcs.enumerated() {
            guard let arc else {
                nullVotes += 1
                nullSystem = min(nullSystem, system)
                continue
            }
            let confidence = arc.confidence ?? scheme.missingConfidence
            if let index = candidates.firstIndex(where: { WeightedAlignment.sameText($0.text ?? "", arc.text) }) {
                candidates[index].votes += 1
                candidates[index].confidence = scheme.confidenceTerm == .maximum
                    ? max(candidates[index].confidence, confidence) : candidates[index].confidence + confidence
            } else {
                candidates.append(Candidate(text: arc.text, votes: 1, confidence: confidence, firstSystem: system))
            }
        }
        for index in candidates.indices where scheme.confidenceTerm == .average {
            candidates[index].confidence /= Double(candidates[index].votes)
        }
        if nullVotes > 0 {
            candidates.append(Candidate(text: nil, votes: nullVotes, confidence: scheme.nullConfidence, firstSystem: nullSystem))
        }
        let systems = Double(systemCount)
        for index in candidates.indices {
            let term = scheme.confidenceTerm == .none ? 0 : candidates[index].confidence
            candidates[index].score = scheme.alpha * Double(candidates[index].votes) / systems + (1 - scheme.alpha) * term
        }
        var best = candidates[0]
        for candidate in candidates.dropFirst() where beats(candidate, best) { best = candidate }
        guard let text = best.text else { return nil }
        return word(text, in: slot, best: best, systems: systems, scheme: scheme)
    }

    static func beats(_ a: Candidate, _ b: Candidate) -> Bool {
        if a.score != b.score { return a.score > b.score }
        if a.votes != b.votes { return a.votes > b.votes }
        if (a.text == nil) != (b.text == nil) { return a.text != nil }
        return a.firstSystem < b.firstSystem
    }

    static func word(_ text: String, in slot: WordTransitionNetwork.Slot, best: Candidate, systems: Double, scheme: VotingScheme) -> Word {
        var starts: [Double] = []
        var ends: [Double] = []
        for case let arc? in slot.arcs where WeightedAlignment.sameText(arc.text, text) {
            starts.append(arc.startSeconds)
            ends.append(arc.endSeconds)
        }
        let confidence = scheme.confidenceTerm == .none ? Double(best.votes) / systems : best.confidence
        return Word(text: text, startSeconds: mean(starts), endSeconds: mean(ends), confidence: confidence)
    }

    /// The mean of finite values, finite itself: when the plain sum overflows (times near
    /// `Double.greatestFiniteMagnitude`), each value is divided first.
    static func mean(_ values: [Double]) -> Double {
        let count = Double(values.count)
        var sum = 0.0
        for value in values { sum += value }
        if sum.isFinite { return sum / count }
        var scaled = 0.0
        for value in values { scaled += value / count }
        return scaled
    }

    static func segments(_ words: [Word]) -> [Segment] {
        var segments: [Segment] = []
        var current: [Word] = []
        func close() {
            guard let first = current.first, let last = current.last else { return }
            var confidence = 0.0
            for word in current { confidence += word.confidence ?? 0 }
            segments.append(Segment(
                id: segments.count, startSeconds: first.startSeconds, endSeconds: last.endSeconds,
                text: current.map(\.text).joined(separator: " "), confidence: confidence / Double(current.count),
                words: current))
            current = []
        }
        for word in words {
            if let last = current.last, word.startSeconds - last.endSeconds >= segmentGapSecondsMin { close() }
            current.append(word)
        }
        close()
        return segments
    }
}
