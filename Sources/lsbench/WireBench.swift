import CommandLineSupport
import Foundation
import Wire

/// `lsbench wire`: NDJSON framing + JSON parsing MB/s vs Foundation JSONSerialization, plus our serializer.
///
/// Builds a deterministic NDJSON corpus in memory (transcribe results with segments and words, drafts,
/// progress, heartbeats; large integer ids; non-ASCII and escaped text), then times on the same bytes,
/// best of `--rounds`: (a) LineDecoder (LineFramer + JSONParser) fed 64 KiB chunks, (a') JSONParser on
/// pre-split lines, (b) newline split + Foundation `JSONSerialization.jsonObject` per line; and (c) our
/// serializer writing the corpus's first ~8 MB of messages repeatedly (`encodedLine()`).
enum WireBench: Subcommand {
    static let name = "wire"
    static let summary = "NDJSON framing + JSON parsing MB/s vs Foundation JSONSerialization"

    static let chunkBytes = 65_536
    static let seed: UInt64 = 20_261_124

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let spec = ArgumentSpec(options: ["megabytes", "rounds"])
        let megabytes: Int
        let rounds: Int
        do {
            let parsed = try spec.parse(arguments)
            if parsed.has("help") {
                output.out("usage: lsbench wire [--megabytes N (100)] [--rounds N (3)]\n")
                return 0
            }
            megabytes = try parsed.int("megabytes", default: 100, range: 1...4_000)
            rounds = try parsed.int("rounds", default: 3, range: 1...20)
        } catch {
            output.err("lsbench wire: \(error)\nusage: lsbench wire [--megabytes N] [--rounds N]\n")
            return 2
        }
        return measure(targetBytes: megabytes * 1_000_000, rounds: rounds, output: output)
    }

    static func measure(targetBytes: Int, rounds: Int, output: any CommandOutput) -> Int32 {
        let start = ContinuousClock.now
        let corpus = buildCorpus(targetBytes: targetBytes)
        let lineCount = corpus.bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
        output.out("corpus: \(corpus.bytes.count) bytes, \(lineCount) lines "
            + "(\(corpus.kindCounts.map { "\($0.key) \($0.value)" }.sorted().joined(separator: ", "))), "
            + "built in \(format(seconds(ContinuousClock.now - start))) s\n")

        // Rounds interleave the contestants, so a burst of load from elsewhere hits all of them alike.
        var counts: [String: Int] = [:]
        var ours = Double.infinity, oursSplit = Double.infinity, foundation = Double.infinity
        var serializer = Double.infinity
        var serializedBytes = 0
        for _ in 0..<rounds {
            ours = min(ours, seconds(timed { counts["ours"] = decodeWithLineDecoder(corpus.bytes) }))
            oursSplit = min(oursSplit, seconds(timed { counts["ours-split"] = decodePreSplit(corpus.bytes) }))
            foundation = min(foundation, seconds(timed { counts["foundation"] = decodeWithFoundation(corpus.bytes) }))
            let (bytes, elapsed) = serializeCorpusMessages(targetBytes: targetBytes)
            serializedBytes = bytes
            serializer = min(serializer, seconds(elapsed))
        }
        for (name, count) in counts.sorted(by: { $0.key < $1.key }) where count != lineCount {
            output.err("lsbench wire: \(name) decoded \(count) of \(lineCount) lines\n")
            return 1
        }
        let megabytes = Double(corpus.bytes.count) / 1e6
        func line(_ label: String, _ time: Double, _ bytes: Double) -> String {
            label.padding(toLength: 46) + format(bytes / time) + " MB/s  (best \(format(time)) s)\n"
        }
        output.out(line("ours: LineDecoder, 64 KiB chunks", ours, megabytes))
        output.out(line("ours: JSONParser on pre-split lines", oursSplit, megabytes))
        output.out(line("Foundation: split + JSONSerialization", foundation, megabytes))
        output.out(line("ours: serializer (\(serializedBytes) bytes)", serializer, Double(serializedBytes) / 1e6))
        output.out("ratio LineDecoder / Foundation: \(format(foundation / ours))x\n")
        return 0
    }

    // MARK: Contestants

    static func decodeWithLineDecoder(_ bytes: [UInt8]) -> Int {
        var decoder = LineDecoder()
        var values = 0
        bytes.withUnsafeBytes { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + chunkBytes, all.count)
                decoder.append(UnsafeRawBufferPointer(rebasing: all[offset..<end])) { result in
                    if case .success = result { values += 1 }
                }
                offset = end
            }
        }
        return decoder.finish() == nil ? values : -1
    }

    static func decodePreSplit(_ bytes: [UInt8]) -> Int {
        var values = 0
        forEachLine(bytes) { line in
            if (try? JSONParser.parse(line)) != nil { values += 1 }
        }
        return values
    }

    static func decodeWithFoundation(_ bytes: [UInt8]) -> Int {
        var values = 0
        forEachLine(bytes) { line in
            let data = Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: line.baseAddress!), count: line.count,
                            deallocator: .none)
            if (try? JSONSerialization.jsonObject(with: data, options: [])) != nil { values += 1 }
        }
        return values
    }

    /// Calls `body` with each `\n`-terminated line (memchr split, no copies).
    static func forEachLine(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { all in
            guard let base = all.baseAddress else { return }
            var offset = 0
            while offset < all.count, let hit = memchr(base + offset, 0x0A, all.count - offset) {
                let end = base.distance(to: UnsafeRawPointer(hit))
                body(UnsafeRawBufferPointer(rebasing: all[offset..<end]))
                offset = end + 1
            }
        }
    }

    /// Serializes the first corpus messages (about 8 MB of them, held as values) over and over until
    /// `targetBytes` are written; only the serializing loop is timed: (bytes written, time spent).
    static func serializeCorpusMessages(targetBytes: Int) -> (bytes: Int, elapsed: Duration) {
        var generator = MessageGenerator(seed: seed)
        var messages: [JSONValue] = []
        var sampleBytes = 0
        while sampleBytes < min(targetBytes, 8_000_000) {
            let message = generator.next().value
            sampleBytes += message.serializedBytes().count + 1
            messages.append(message)
        }
        var total = 0
        let elapsed = ContinuousClock().measure {
            while total < targetBytes {
                for message in messages { total += message.encodedLine().count }
            }
        }
        return (total, elapsed)
    }

    // MARK: Corpus

    struct Corpus {
        var bytes: [UInt8] = []
        var kindCounts: [String: Int] = [:]
    }

    static func buildCorpus(targetBytes: Int) -> Corpus {
        var corpus = Corpus()
        corpus.bytes.reserveCapacity(targetBytes + 1 << 20)
        var generator = MessageGenerator(seed: seed)
        while corpus.bytes.count < targetBytes {
            let (kind, message) = generator.next()
            message.serialize(into: &corpus.bytes)
            corpus.bytes.append(0x0A)
            corpus.kindCounts[kind, default: 0] += 1
        }
        return corpus
    }

    /// Deterministic protocol traffic: what an engine writes during a busy session.
    struct MessageGenerator {
        var random: SeededGenerator
        var sequence: UInt64 = 0

        static let vocabulary = [
            "the", "quick", "brown", "fox", "jumps", "over", "lazy", "dog", "subtitle", "engine", "café", "naïve",
            "über", "straße", "中文", "字幕", "привет", "мир", "こんにちは", "😀", "\"quoted\"", "tab\there", "señor",
            "Zürich", "déjà", "vu", "coöperate", "ångström", "mañana", "résumé",
        ]

        init(seed: UInt64) { random = SeededGenerator(seed: seed) }

        mutating func next() -> (kind: String, value: JSONValue) {
            sequence += 1
            switch random.below(100) {
            case 0..<6: return ("results", transcribeResult())
            case 6..<40: return ("drafts", draft())
            case 40..<75: return ("progress", progress())
            default: return ("heartbeats", heartbeat())
            }
        }

        /// Alternates huge integer ids (beyond Int64), small ones and strings.
        mutating func requestID() -> JSONValue {
            switch sequence % 3 {
            case 0: .number(JSONNumber(unchecked: "1844674407370955\(1_616 + sequence)"))
            case 1: .number(JSONNumber(sequence))
            default: .string("req-\(sequence)")
            }
        }

        mutating func segment(id: Int, start: Double, wordCount: Int) -> Segment {
            var words: [Word] = []
            var time = start
            for _ in 0..<wordCount {
                let length = Double(random.below(600) + 80) / 1000
                let text = Self.vocabulary[random.below(Self.vocabulary.count)]
                words.append(Word(text: text, startSeconds: time, endSeconds: time + length,
                                  confidence: Double(random.below(1000)) / 1000))
                time += length + Double(random.below(200)) / 1000
            }
            return Segment(id: id, startSeconds: start, endSeconds: time, text: words.map(\.text).joined(separator: " "),
                           confidence: Double(random.below(1000)) / 1000, words: words)
        }

        mutating func transcribeResult() -> JSONValue {
            var segments: [Segment] = []
            var time = 0.0
            for id in 0..<(10 + random.below(30)) {
                let segment = segment(id: id, start: time, wordCount: 4 + random.below(16))
                time = segment.endSeconds + Double(random.below(900)) / 1000
                segments.append(segment)
            }
            var result = Transcript(language: "en", durationSeconds: time, segments: segments).json.objectValue ?? [:]
            result["metrics"] = ["rtf": .double(Double(random.below(500)) / 1000), "decodeMs": .number(JSONNumber(random.below(90_000)))]
            return RPCResponse(id: RPCID(json: requestID()) ?? .null, result: .object(result)).json
        }

        mutating func draft() -> JSONValue {
            let segment = segment(id: random.below(40), start: Double(random.below(600_000)) / 1000, wordCount: 3 + random.below(12))
            return RPCNotification(method: "draft", params: [
                "id": requestID(), "seq": .number(JSONNumber(sequence)), "segment": segment.json,
            ]).json
        }

        mutating func progress() -> JSONValue {
            let stages: [JSONValue] = ["load", "decode", "align", "finalize"]
            return RPCNotification(method: "progress", params: [
                "id": requestID(), "fraction": .double(Double(random.below(1001)) / 1000), "stage": stages[random.below(4)],
            ]).json
        }

        mutating func heartbeat() -> JSONValue {
            RPCNotification(method: "heartbeat", params: [
                "seq": .number(JSONNumber(sequence)), "uptimeMs": .number(JSONNumber(sequence * 1_000 + UInt64(random.below(500)))),
            ]).json
        }
    }

    // MARK: Timing

    static func timed(_ body: () -> Void) -> Duration { ContinuousClock().measure(body) }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    static func format(_ value: Double) -> String { String(format: "%.3f", value) }
}
