import CommandLineSupport
import Subtitles
import Wire

/// `lingosub lint`: check subtitles against a profile's rules.
/// Exit codes: 0 clean, 1 violations, 2 usage, 3 unreadable or unparsable file or profile.
enum LintCommand: Subcommand {
    static let name = "lint"
    static let summary = "check subtitles against a profile's rules"
    static let usage = """
        usage: lingosub lint FILE [--profile NAME|FILE] [--format srt|vtt] [--json]
          FILE       an SRT or WebVTT file (format from --format, else WebVTT when it starts with WEBVTT)
          --profile  netflix-en (default), netflix-en-children, netflix-zh-hans, or a custom profile JSON file
          --json     print {"profile","cues","findings":[{"cue","line"?,"rule","measured","allowed","unit"}]}
        exit status: 0 clean, 1 violations, 2 usage, 3 unreadable input

        """
    static let spec = ArgumentSpec(flags: ["json"], options: ["profile", "format"], positionalsMax: 1)

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        let parsed: ParsedArguments
        do { parsed = try spec.parse(arguments) } catch {
            output.err("lingosub lint: \(error)\n" + usage)
            return 2
        }
        if parsed.has("help") { output.out(usage); return 0 }
        guard let path = parsed.positionals.first else {
            output.err("lingosub lint: missing FILE\n" + usage)
            return 2
        }
        if let format = parsed.value("format"), SubtitleFormat(rawValue: format) == nil {
            output.err("lingosub lint: --format expects srt or vtt\n" + usage)
            return 2
        }
        let profile: SubtitleProfile
        switch SubtitlesCommand.loadProfile(parsed.value("profile"), command: name, output: output) {
        case .success(let loaded): profile = loaded
        case .failure(let failure): return failure.exitCode
        }
        guard let bytes = SubtitlesCommand.readFile(path, command: name, output: output) else { return SubtitlesCommand.exitInputError }
        let text: String
        do { text = try ResultFileReader.text(path, data: bytes) } catch {
            output.err("lingosub lint: \(error)\n")
            return SubtitlesCommand.exitInputError
        }
        let format = parsed.value("format").flatMap(SubtitleFormat.init(rawValue:)) ?? sniff(text)
        let document: SubtitleDocument
        do {
            document = format == .webVTT ? try WebVTTParser.parse(text) : try SRTParser.parse(text)
        } catch {
            output.err("lingosub lint: \(path): \(error)\n")
            return SubtitlesCommand.exitInputError
        }
        let findings = Linter(profile: profile).lint(document.cues)
        if parsed.has("json") {
            output.out(json(findings, profile: profile, cueCount: document.cues.count).serializedString + "\n")
        } else {
            for finding in findings { output.out("\(path): \(finding)\n") }
            let noun = findings.count == 1 ? "finding" : "findings"
            output.out("\(findings.count) \(noun) in \(document.cues.count) cues (profile \(profile.name))\n")
        }
        return findings.isEmpty ? 0 : 1
    }

    private static func sniff(_ text: String) -> SubtitleFormat {
        let body = text.hasPrefix("\u{FEFF}") ? String(text.unicodeScalars.dropFirst()) : text
        return body.hasPrefix("WEBVTT") ? .webVTT : .srt
    }

    private static func json(_ findings: [LintFinding], profile: SubtitleProfile, cueCount: Int) -> JSONValue {
        let items: [JSONValue] = findings.map { finding in
            var members: [(String, JSONValue)] = [("cue", .number(JSONNumber(finding.cueNumber)))]
            if let line = finding.lineNumber { members.append(("line", .number(JSONNumber(line)))) }
            members += [
                ("rule", .string(finding.ruleId)), ("measured", .double(finding.measured)),
                ("allowed", .string(finding.allowed.description)), ("unit", .string(finding.unit.rawValue)),
            ]
            return .object(JSONObject(members))
        }
        return .object(JSONObject([
            ("profile", .string(profile.name)), ("cues", .number(JSONNumber(cueCount))), ("findings", .array(items)),
        ]))
    }
}
