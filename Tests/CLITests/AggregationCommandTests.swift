import CommandLineSupport
import Foundation
import LingosubCLI
import Testing

/// `lingosub wer`, `merge` and `compare` end to end on files in a temporary directory.
@Suite("lingosub wer, merge and compare")
final class AggregationCommandTests {
    let directory: String

    init() throws {
        directory = NSTemporaryDirectory() + "lingosub-aggregation-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    func file(_ name: String, _ text: String) throws -> String {
        let path = directory + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func run(_ arguments: [String]) -> (code: Int32, stdout: String, stderr: String) {
        let output = BufferedOutput()
        let code = Lingosub.main(arguments, output: output)
        return (code, output.stdout, output.stderr)
    }

    /// A transcript JSON with one segment; word i starts at i × 0.5 s.
    func transcript(_ name: String, _ text: String, confidence: Double = 0.9) throws -> String {
        let words = text.split(separator: " ").enumerated().map { index, word in
            "{\"word\":\"\(word)\",\"start\":\(Double(index) * 0.5),\"end\":\(Double(index) * 0.5 + 0.4),\"confidence\":\(confidence)}"
        }
        let json = "{\"language\":\"en\",\"duration\":5.0,\"segments\":[{\"id\":0,\"start\":0.0,\"end\":4.0,"
            + "\"text\":\"\(text)\",\"words\":[\(words.joined(separator: ","))]}]}"
        return try file(name, json)
    }

    @Test("wer --json --cer prints jiwer's figures for a two-line corpus")
    func werJSON() throws {
        let reference = try file("ref.txt", "short one here\nquite a bit of longer sentence\n")
        let hypothesis = try file("hyp.txt", "shoe order one\nquite bit of an even longest sentence here\n")
        let result = run(["wer", reference, hypothesis, "--json", "--cer"])
        #expect(result.code == 0)
        // jiwer 4.0.0: process_words / process_characters on the same lists.
        #expect(result.stdout == "{\"wer\":0.8888888888888888,\"mer\":0.6153846153846154,\"wil\":0.7474747474747474,"
            + "\"wip\":0.25252525252525254,\"hits\":5,\"substitutions\":2,\"deletions\":2,\"insertions\":4,"
            + "\"cer\":0.5681818181818182}\n")
    }

    @Test("an empty reference line names the file and line; exit 1")
    func emptyReferenceLine() throws {
        let reference = try file("ref.txt", "a b\n\nc\n")
        let hypothesis = try file("hyp.txt", "a b\nx\nc\n")
        let result = run(["wer", reference, hypothesis])
        #expect(result.code == 1)
        #expect(result.stderr == "lingosub wer: \(reference):2: the reference line is empty\n")
    }

    @Test("usage mistakes exit 2", arguments: [["wer"], ["wer", "a", "b", "c"], ["wer", "a", "b", "--nope"], ["merge"], ["merge", "--strategy", "vote", "a.json"], ["compare"]])
    func usage(arguments: [String]) {
        #expect(run(arguments).code == 2)
    }

    @Test("merge by ROVER fixes complementary errors; bad JSON names line and column")
    func merge() throws {
        let a = try transcript("a.json", "the cat sat on a mat")
        let b = try transcript("b.json", "the hat sat on the mat")
        let c = try transcript("c.json", "the cat sat in the mat")
        let merged = run(["merge", "--strategy", "rover", a, b, c])
        #expect(merged.code == 0)
        #expect(merged.stdout.contains("\"text\":\"the cat sat on the mat\""))
        let broken = try file("broken.json", "{\"language\": \"en\",\n \"segments\": [1,]}\n")
        let failure = run(["merge", a, broken])
        #expect(failure.code == 1)
        #expect(failure.stderr == "lingosub merge: \(broken):2:17: invalid JSON (trailing_comma)\n")
    }

    @Test("compare recommends the engine with the lowest WER against the reference")
    func compare() throws {
        let good = try transcript("good.json", "the cat sat on the mat")
        let bad = try transcript("bad.json", "a cat sat on a hat")
        let reference = try file("truth.txt", "the cat sat on the mat\n")
        let result = run(["compare", bad, good, "--ref", reference, "--json"])
        #expect(result.code == 0)
        #expect(result.stdout.contains("\"recommendation\":{\"engine\":\"good\",\"index\":1,\"basis\":\"lowest_reference_wer\",\"value\":0.0}"))
        let table = run(["compare", bad, good, "--ref", reference])
        #expect(table.stdout.contains("recommendation: good (lowest WER against the reference: 0.00%)"))
    }

    @Test("wer --sclite --timed adds the weighted alignments to the JSON object")
    func weighted() throws {
        let reference = try transcript("ref.json", "the cat sat on the mat")
        let hypothesis = try transcript("hyp.json", "the cat sat in the hat")
        let result = run(["wer", reference, hypothesis, "--json", "--sclite", "--timed"])
        #expect(result.code == 0)
        #expect(result.stdout.hasSuffix(",\"sclite\":{\"wer\":0.3333333333333333,\"hits\":4,\"substitutions\":2,\"deletions\":0,"
            + "\"insertions\":0},\"timed\":{\"wer\":0.3333333333333333,\"hits\":4,\"substitutions\":2,\"deletions\":0,\"insertions\":0}}\n"))
        let text = try file("ref.txt", "the cat\n")
        #expect(run(["wer", text, hypothesis, "--timed"]).code == 1)
    }

    @Test("wer on an empty reference file is an error, not 0 % WER over zero sentences")
    func emptyReferenceFile() throws {
        let reference = try file("empty.txt", "")
        let hypothesis = try file("hyp.txt", "")
        let result = run(["wer", reference, hypothesis])
        #expect(result.code == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "lingosub wer: \(reference): the reference is empty\n")
    }
}
