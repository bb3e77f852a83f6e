import Aggregation
import CommandLineSupport
import Wire

/// `lingosub compare A.json B.json … [--ref R] [--json]`: pairwise WER, agreement, BLEU, confidence,
/// timing drift and a recommendation. R is a text file (its lines joined) or a transcript JSON.
enum CompareCommand: Subcommand {
    static let name = "compare"
    static let summary = "compare engines' transcripts: pairwise WER, agreement, drift, recommendation"
    static let usage = "usage: lingosub compare A.json B.json … [--ref REF] [--json]\n"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentSpec(flags: ["json"], options: ["ref"]).parse(arguments)
        } catch {
            output.err("lingosub compare: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") {
            output.out(usage)
            return 0
        }
        guard !parsed.positionals.isEmpty else {
            output.err("lingosub compare: expected at least one transcript JSON file\n" + usage)
            return 2
        }
        do {
            var transcripts: [Transcript] = []
            for path in parsed.positionals { transcripts.append(try ResultFileReader.transcript(path)) }
            var reference: String?
            if let path = parsed.value("ref") {
                reference = try ResultFileReader.content(path).text
                if reference?.allSatisfy(\.isWhitespace) == true {
                    throw ResultFileReader.Failure(description: "\(path): the reference is empty")
                }
            }
            let report = try EngineComparison.compare(names: names(parsed.positionals), transcripts: transcripts, reference: reference)
            output.out(parsed.has("json") ? report.json.serializedString + "\n" : report.table)
            return 0
        } catch let failure as ResultFileReader.Failure {
            output.err("lingosub compare: \(failure)\n")
            return 1
        } catch {
            output.err("lingosub compare: \(error)\n")
            return 1
        }
    }

    /// File names without directory and extension; the full paths when those collide.
    static func names(_ paths: [String]) -> [String] {
        let short = paths.map(PathName.stem)
        return Set(short).count == short.count ? short : paths
    }
}
