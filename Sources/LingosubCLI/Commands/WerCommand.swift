import Aggregation
import CommandLineSupport
import Wire

/// `lingosub wer REF HYP [--cer] [--json] [--align]`: word (and character) error rates with jiwer's
/// conventions. Two text files are scored line by line, pooled over the corpus as jiwer does over
/// lists; if either file is a transcript JSON, each side is scored as one utterance.
/// `--sclite` adds sclite's weighted alignment (costs 0/3/3/4) and `--timed` the time-mediated one
/// (both files transcript JSON) as further figures.
enum WerCommand: Subcommand {
    static let name = "wer"
    static let summary = "word and character error rates between reference and hypothesis"
    static let usage = "usage: lingosub wer REF HYP [--cer] [--json] [--align] [--normalize] [--sclite] [--timed]\n"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentSpec(flags: ["cer", "json", "align", "normalize", "sclite", "timed"], positionalsMax: 2).parse(arguments)
        } catch {
            output.err("lingosub wer: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") {
            output.out(usage)
            return 0
        }
        guard parsed.positionals.count == 2 else {
            output.err("lingosub wer: expected REF and HYP\n" + usage)
            return 2
        }
        let referencePath = parsed.positionals[0]
        let hypothesisPath = parsed.positionals[1]
        do {
            let (references, hypotheses) = try sentences(referencePath, hypothesisPath)
            var options = ErrorRateOptions()
            if parsed.has("normalize") { options.normalization = .standard }
            let words = try score(references, hypotheses, options: options, characters: false, referencePath: referencePath)
            let characters = parsed.has("cer")
                ? try score(references, hypotheses, options: options, characters: true, referencePath: referencePath) : nil
            var weighted: [(String, ErrorCounts)] = []
            if parsed.has("sclite") { weighted.append(("sclite", try scliteCounts(words))) }
            if parsed.has("timed") { weighted.append(("timed", try timedCounts(referencePath, hypothesisPath))) }
            output.out(render(
                words: words, characters: characters, weighted: weighted, json: parsed.has("json"), align: parsed.has("align")))
            return 0
        } catch {
            output.err("lingosub wer: \(error)\n")
            return 1
        }
    }

    static func sentences(_ referencePath: String, _ hypothesisPath: String) throws(ResultFileReader.Failure) -> ([String], [String]) {
        let reference = try ResultFileReader.content(referencePath)
        let hypothesis = try ResultFileReader.content(hypothesisPath)
        guard case .lines(let references) = reference, case .lines(let hypotheses) = hypothesis else {
            if reference.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
                throw .init(description: "\(referencePath): the reference is empty")
            }
            return ([reference.text], [hypothesis.text])
        }
        guard !references.isEmpty else { throw .init(description: "\(referencePath): the reference is empty") }
        guard references.count == hypotheses.count else {
            throw .init(description: "\(referencePath) has \(references.count) lines but \(hypothesisPath) has \(hypotheses.count)")
        }
        return (references, hypotheses)
    }

    static func score(
        _ references: [String], _ hypotheses: [String], options: ErrorRateOptions, characters: Bool, referencePath: String
    ) throws(ResultFileReader.Failure) -> ErrorRateReport {
        do {
            return characters
                ? try ErrorRate.characters(references: references, hypotheses: hypotheses, options: options)
                : try ErrorRate.words(references: references, hypotheses: hypotheses, options: options)
        } catch {
            if error.code == .emptyReference, let index = error.sentenceIndex {
                throw .init(description: "\(referencePath):\(index + 1): the reference line is empty")
            }
            throw .init(description: "\(error)")
        }
    }

    static func render(
        words: ErrorRateReport, characters: ErrorRateReport?, weighted: [(String, ErrorCounts)], json: Bool, align: Bool
    ) -> String {
        if json {
            guard var object = AlignmentText.measuresJSON(words).objectValue else { return "" }
            if let characters { object["cer"] = .double(characters.errorRate) }
            for (name, counts) in weighted { object[name] = weightedJSON(counts) }
            if align {
                object["alignment"] = AlignmentText.alignmentJSON(words)
                if let characters { object["character_alignment"] = AlignmentText.alignmentJSON(characters) }
            }
            return JSONValue.object(object).serializedString + "\n"
        }
        if align {
            var text = AlignmentText.render(words)
            if let characters { text += "\n" + AlignmentText.render(characters) }
            return text + renderWeighted(weighted)
        }
        let counts = words.counts
        var text = "WER \(percent(counts.errorRate))  MER \(percent(counts.matchErrorRate))  "
            + "WIL \(percent(counts.wordInformationLost))  WIP \(percent(counts.wordInformationPreserved))\n"
            + "hits=\(counts.hits) substitutions=\(counts.substitutions) deletions=\(counts.deletions) "
            + "insertions=\(counts.insertions) reference_words=\(counts.referenceLength) sentences=\(words.sentenceCount)\n"
        if let characters {
            let counts = characters.counts
            text += "CER \(percent(counts.errorRate))  hits=\(counts.hits) substitutions=\(counts.substitutions) "
                + "deletions=\(counts.deletions) insertions=\(counts.insertions) reference_characters=\(counts.referenceLength)\n"
        }
        return text + renderWeighted(weighted)
    }

    /// sclite's weighted alignment of each sentence's words (after jiwer's transform), pooled.
    static func scliteCounts(_ words: ErrorRateReport) throws(ResultFileReader.Failure) -> ErrorCounts {
        var counts = ErrorCounts()
        for sentence in 0..<words.sentenceCount {
            do {
                let pairs = try WeightedAlignment.align(
                    reference: words.referenceTokens(sentence: sentence), hypothesis: words.hypothesisTokens(sentence: sentence))
                counts = counts + WeightedAlignment.counts(pairs)
            } catch {
                throw .init(description: "\(error)")
            }
        }
        return counts
    }

    static func timedCounts(_ referencePath: String, _ hypothesisPath: String) throws(ResultFileReader.Failure) -> ErrorCounts {
        guard case .transcript(let reference) = try ResultFileReader.content(referencePath),
              case .transcript(let hypothesis) = try ResultFileReader.content(hypothesisPath)
        else { throw .init(description: "--timed needs two transcript JSON files") }
        do {
            return WeightedAlignment.counts(try WeightedAlignment.alignTimed(reference: reference.timedWords, hypothesis: hypothesis.timedWords))
        } catch {
            throw .init(description: "\(error)")
        }
    }

    static func renderWeighted(_ weighted: [(String, ErrorCounts)]) -> String {
        var text = ""
        for (name, counts) in weighted {
            text += "\(name): WER \(percent(counts.errorRate))  hits=\(counts.hits) substitutions=\(counts.substitutions) "
                + "deletions=\(counts.deletions) insertions=\(counts.insertions)\n"
        }
        return text
    }

    static func weightedJSON(_ counts: ErrorCounts) -> JSONValue {
        [
            "wer": .double(counts.errorRate), "hits": .number(JSONNumber(counts.hits)),
            "substitutions": .number(JSONNumber(counts.substitutions)), "deletions": .number(JSONNumber(counts.deletions)),
            "insertions": .number(JSONNumber(counts.insertions)),
        ]
    }

    static func percent(_ value: Double) -> String {
        let hundredths = (value * 10_000).rounded()
        let whole = Int(hundredths) / 100
        let fraction = Int(hundredths) % 100
        return "\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }
}
