import Aggregation
import CommandLineSupport
import Wire

/// `lingosub merge --strategy rover|avgconf|maxconf|best A.json B.json …`: combines several engines'
/// transcripts of the same audio and prints the merged transcript JSON. `rover` is frequency
/// voting, `avgconf`/`maxconf` ROVER's confidence schemes, `best` the transcript closest to the others.
enum MergeCommand: Subcommand {
    static let name = "merge"
    static let summary = "merge several engines' transcripts (ROVER voting or the best single one)"
    static let usage = "usage: lingosub merge [--strategy rover|avgconf|maxconf|best] A.json B.json …\n"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do {
            parsed = try ArgumentSpec(options: ["strategy"]).parse(arguments)
        } catch {
            output.err("lingosub merge: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") {
            output.out(usage)
            return 0
        }
        let strategy = parsed.value("strategy") ?? "rover"
        let schemes: [String: VotingScheme] = ["rover": .frequency, "avgconf": .averageConfidence, "maxconf": .maximumConfidence]
        guard strategy == "best" || schemes[strategy] != nil else {
            output.err("lingosub merge: unknown strategy '\(strategy)' (rover, avgconf, maxconf, best)\n" + usage)
            return 2
        }
        guard !parsed.positionals.isEmpty else {
            output.err("lingosub merge: expected at least one transcript JSON file\n" + usage)
            return 2
        }
        do {
            var transcripts: [Transcript] = []
            for path in parsed.positionals { transcripts.append(try ResultFileReader.transcript(path)) }
            let merged: Transcript
            if let scheme = schemes[strategy] {
                merged = try ROVER.combine(transcripts, scheme: scheme)
            } else {
                merged = transcripts[try EngineComparison.consensusClosest(transcripts)]
            }
            output.out(merged.json.serializedString + "\n")
            return 0
        } catch let failure as ResultFileReader.Failure {
            output.err("lingosub merge: \(failure)\n")
            return 1
        } catch {
            output.err("lingosub merge: \(error)\n")
            return 1
        }
    }
}
