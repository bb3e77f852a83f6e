import CommandLineSupport
import Foundation
import Subtitles
import Wire

/// Turns outcomes into the chosen format and writes them: to stdout without `--out`; to `--out PATH`
/// for one file; to `--out DIR/<audio name>.<format>` for a directory (an existing one, a path ending
/// in `/`, or any `--out` with several files; created when missing).
struct ResultWriter {
    var options: TranscribeOptions
    var profile: SubtitleProfile

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The text for one file, or nil when its format needs the primary engine's transcript and that
    /// engine failed.
    func text(file: Int, outcomes: [TaskOutcome]) -> String? {
        switch options.format {
        case .json:
            return Self.json(audioPath: options.audioPaths[file], engines: options.engines.map(\.name), outcomes: outcomes)
                .serializedString + "\n"
        case .srt, .vtt:
            let primary = options.engines.firstIndex { $0.name == options.primary }!
            guard let transcript = outcomes[primary].transcript else { return nil }
            let document = Segmenter(profile: profile).document(for: transcript)
            return options.format == .srt ? SRTWriter.write(document) : WebVTTWriter.write(document)
        }
    }

    /// `{"audio", "results": [{"engine", "status": "completed", "transcript"} | {"engine", "status": "failed", "error"}]}`.
    static func json(audioPath: String, engines: [String], outcomes: [TaskOutcome]) -> JSONValue {
        var results: [JSONValue] = []
        for (engine, outcome) in zip(engines, outcomes) {
            var result: JSONObject = ["engine": .string(engine)]
            switch outcome {
            case .transcript(let transcript):
                result["status"] = "completed"
                result["transcript"] = transcript.json
            case .failed(let error):
                result["status"] = "failed"
                result["error"] = error.json
            case .unfinished(let reason):
                result["status"] = "unfinished"
                result["error"] = .object(["code": "unfinished", "detail": .string(reason)])
            }
            results.append(.object(result))
        }
        return .object(["audio": .string(audioPath), "results": .array(results)])
    }

    /// Where file `file`'s text goes; nil: stdout.
    func destination(file: Int) -> String? {
        guard let out = options.out else { return nil }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: out, isDirectory: &isDirectory)
        guard options.audioPaths.count > 1 || out.hasSuffix("/") || (exists && isDirectory.boolValue) else { return out }
        return (out.hasSuffix("/") ? out : out + "/") + Self.fileName(audioPath: options.audioPaths[file], format: options.format)
    }

    /// The name of an audio file's result in an `--out` directory: `talk.wav` → `talk.srt`.
    static func fileName(audioPath: String, format: OutputFormat) -> String {
        PathName.stem(audioPath) + "." + format.fileExtension
    }

    func write(_ text: String, file: Int, output: any CommandOutput) throws(Failure) {
        guard let path = destination(file: file) else {
            output.out(text)
            return
        }
        let directory = String(path[..<path.lastIndex(of: "/")!])
        do {
            try FileManager.default.createDirectory(atPath: directory.isEmpty ? "/" : directory, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(directory): \(error.localizedDescription)")
        }
        do {
            try OutputFile.write(text, to: path)
        } catch {
            throw Failure(description: error.description)
        }
    }
}
