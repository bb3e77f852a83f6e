import Aggregation
import CommandLineSupport

/// `lsbench aggregation`: WER/CER speed on generated corpora (same text as `ci/bench-jiwer.py`).
/// Prints time, the figures and an alignment checksum per workload, so identity with jiwer can be
/// checked line by line. `--compare REF HYP` prints counts and chunks for two line files instead.
enum AggregationBench: Subcommand {
    static let name = "aggregation"
    static let summary = "WER/CER speed on generated corpora (compare with ci/bench-jiwer.py)"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let spec = ArgumentSpec(options: ["seed", "repeat"])
        let parsed: ParsedArguments
        let seed: Int
        let repeats: Int
        do {
            parsed = try spec.parse(arguments)
            seed = try parsed.int("seed", default: 2026, range: 0...Int(Int32.max))
            repeats = try parsed.int("repeat", default: 3, range: 1...50)
        } catch {
            output.err("lsbench aggregation: \(error)\n")
            return 2
        }
        var generator = SplitMix64(seed: UInt64(seed))
        let vocabulary = BenchmarkCorpus.vocabulary(&generator, count: 2_000)
        var references: [String] = []
        var hypotheses: [String] = []
        for _ in 0..<10_000 {
            let pair = BenchmarkCorpus.pair(&generator, vocabulary: vocabulary, length: 20)
            references.append(pair.reference)
            hypotheses.append(pair.hypothesis)
        }
        let long = BenchmarkCorpus.pair(&generator, vocabulary: vocabulary, length: 5_000)
        let workloads: [(String, () throws -> ErrorRateReport)] = [
            ("wer 10000 pairs x 20 words", { try ErrorRate.words(references: references, hypotheses: hypotheses) }),
            ("wer one 5000-word pair", { try ErrorRate.words(reference: long.reference, hypothesis: long.hypothesis) }),
            ("cer one 5000-word pair", { try ErrorRate.characters(reference: long.reference, hypothesis: long.hypothesis) }),
        ]
        for (name, work) in workloads {
            var best = Duration.seconds(1_000)
            var report: ErrorRateReport?
            for _ in 0..<repeats {
                let clock = ContinuousClock()
                let start = clock.now
                report = try? work()
                best = min(best, clock.now - start)
            }
            guard let report else {
                output.err("lsbench aggregation: \(name) failed\n")
                return 1
            }
            output.out(line(name: name, best: best, report: report))
        }
        return 0
    }

    static func line(name: String, best: Duration, report: ErrorRateReport) -> String {
        let milliseconds = Double(best.components.seconds) * 1_000 + Double(best.components.attoseconds) / 1e15
        let counts = report.counts
        let rounded = (milliseconds * 100).rounded() / 100
        return "\(name): ours_ms=\(rounded) rate=\(report.errorRate) hits=\(counts.hits) "
            + "substitutions=\(counts.substitutions) deletions=\(counts.deletions) insertions=\(counts.insertions) "
            + "checksum=\(BenchmarkCorpus.checksum(report))\n"
    }
}
