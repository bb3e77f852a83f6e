import Aggregation
import Foundation
import CommandLineSupport
import Wire

/// `lsbench aggregation`: WER/CER speed on generated corpora (same text as `ci/bench-jiwer.py`).
/// Prints time, the figures and an alignment checksum per workload, so identity with jiwer can be
/// checked line by line. `--files REF HYP [--cer]` prints the same line for two files of sentences
/// (one per line), for differential tests against jiwer.
enum AggregationBench: Subcommand {
    static let name = "aggregation"
    static let summary = "WER/CER speed on generated corpora (compare with ci/bench-jiwer.py)"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let spec = ArgumentSpec(flags: ["files", "cer"], options: ["seed", "repeat"], positionalsMax: 2)
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
        if parsed.has("files") { return runFiles(parsed, output: output) }
        var generator = SeededGenerator(seed: UInt64(seed))
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

    static func runFiles(_ parsed: ParsedArguments, output: any CommandOutput) -> Int32 {
        guard parsed.positionals.count == 2 else {
            output.err("lsbench aggregation --files REF HYP [--cer]\n")
            return 2
        }
        var sides: [[String]] = []
        for path in parsed.positionals {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                output.err("lsbench aggregation: cannot read \(path)\n")
                return 1
            }
            var lines = text.utf8.split(separator: 10, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            if lines.last == "" { lines.removeLast() }
            sides.append(lines)
        }
        var options = ErrorRateOptions()
        options.allowsEmptyReferences = true
        do {
            let report = parsed.has("cer")
                ? try ErrorRate.characters(references: sides[0], hypotheses: sides[1], options: options)
                : try ErrorRate.words(references: sides[0], hypotheses: sides[1], options: options)
            output.out(line(name: "files", best: .zero, report: report))
            return 0
        } catch {
            output.err("lsbench aggregation: \(error)\n")
            return 1
        }
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
