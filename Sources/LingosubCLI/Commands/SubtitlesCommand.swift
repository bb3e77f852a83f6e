import CommandLineSupport
import Foundation
import Subtitles
import Wire

/// `lingosub subtitles`: turn a word-timed transcript into SRT or WebVTT cues.
/// Exit codes: 0 written, 2 usage, 3 unreadable or invalid input (transcript, profile) or unwritable output.
enum SubtitlesCommand: Subcommand {
    static let name = "subtitles"
    static let summary = "turn a word-timed transcript into SRT or WebVTT cues"
    static let usage = """
        usage: lingosub subtitles IN.json [--profile NAME|FILE] [--format srt|vtt] [--out PATH]
          IN.json    a transcript (the `transcribe` result: language, duration, segments with words)
          --profile  netflix-en (default), netflix-en-children, netflix-zh-hans, or a custom profile JSON file
          --format   srt or vtt (default: from --out's extension, else srt)
          --out      write here instead of stdout

        """
    static let spec = ArgumentSpec(options: ["profile", "format", "out"], positionalsMax: 1)
    /// Exit code for input that cannot be read or is invalid.
    static let exitInputError: Int32 = 3

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do { parsed = try spec.parse(arguments) } catch {
            output.err("lingosub subtitles: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") { output.out(usage); return 0 }
        guard let inputPath = parsed.positionals.first else {
            output.err("lingosub subtitles: missing IN.json\n" + usage)
            return 2
        }
        guard let format = format(parsed.value("format"), outPath: parsed.value("out")) else {
            output.err("lingosub subtitles: --format expects srt or vtt\n" + usage)
            return 2
        }
        let profile: SubtitleProfile
        switch loadProfile(parsed.value("profile"), command: name, output: output) {
        case .success(let loaded): profile = loaded
        case .failure(let code): return code.exitCode
        }
        guard let transcript = readTranscript(inputPath, output: output) else { return exitInputError }
        let document = Segmenter(profile: profile).document(for: transcript)
        let text = format == .srt ? SRTWriter.write(document) : WebVTTWriter.write(document)
        guard let outPath = parsed.value("out") else {
            output.out(text)
            return 0
        }
        do {
            try OutputFile.write(text, to: outPath)
        } catch {
            output.err("lingosub subtitles: \(error)\n")
            return exitInputError
        }
        return 0
    }

    private static func format(_ value: String?, outPath: String?) -> SubtitleFormat? {
        if let value { return SubtitleFormat(rawValue: value) }
        if let outPath, outPath.lowercased().hasSuffix(".vtt") { return .webVTT }
        return .srt
    }

    private static func readTranscript(_ path: String, output: any CommandOutput) -> Transcript? {
        do {
            return try ResultFileReader.transcript(path)
        } catch {
            output.err("lingosub subtitles: \(error)\n")
            return nil
        }
    }

    /// The whole file (bounded), or nil after printing why not.
    static func readFile(_ path: String, command: String, output: any CommandOutput) -> [UInt8]? {
        do {
            return try InputFile.read(path)
        } catch {
            output.err("lingosub \(command): \(error)\n")
            return nil
        }
    }

    /// Why a profile could not be loaded, as an exit code.
    struct ProfileFailure: Error { var exitCode: Int32 }

    /// A built-in profile by name, or a custom one from a JSON file; failures are printed.
    static func loadProfile(_ value: String?, command: String, output: any CommandOutput) -> Result<SubtitleProfile, ProfileFailure> {
        let value = value ?? SubtitleProfile.netflixEnglish.name
        if let profile = SubtitleProfile.builtIn(named: value) { return .success(profile) }
        guard FileManager.default.fileExists(atPath: value) else {
            let names = SubtitleProfile.builtIns.map(\.name).joined(separator: ", ")
            output.err("lingosub \(command): --profile '\(value)' is neither a built-in (\(names)) nor a file\n")
            return .failure(ProfileFailure(exitCode: 2))
        }
        guard let bytes = readFile(value, command: command, output: output) else { return .failure(ProfileFailure(exitCode: exitInputError)) }
        do {
            return .success(try SubtitleProfile(json: try JSONParser.parse(bytes)))
        } catch let error as JSONError {
            output.err("lingosub \(command): \(value): invalid JSON: \(error)\n")
        } catch let error as SubtitleError {
            output.err("lingosub \(command): \(value): invalid profile: \(error)\n")
        } catch {
            output.err("lingosub \(command): \(value): \(error)\n")
        }
        return .failure(ProfileFailure(exitCode: exitInputError))
    }
}
