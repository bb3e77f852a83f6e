import CommandLineSupport
import Core
import Foundation

/// `transcribe`'s settings after flags are laid over the configuration.
struct TranscribeOptions: Sendable {
    /// Absolute paths, in the order given.
    var audioPaths: [String] = []
    /// Engines with resolved executables, in the order given.
    var engines: [EngineEntry] = []
    /// The engine SRT/VTT come from.
    var primary = ""
    var language: String?
    var priority = TaskPriority.normal
    var format = OutputFormat.json
    var out: String?
    var quiet = false
    var profile: String?
    var configuration = LingosubConfiguration.default

    static let spec = ArgumentSpec(
        flags: ["quiet"],
        options: ["language", "priority", "timeout", "format", "out", "config", "log-level", "primary", "profile"],
        repeatable: ["engine"])

    /// Why options could not be built: a usage error (exit 2) or a configuration error (exit 3).
    enum Failure: Error {
        case usage(String)
        case configuration(ConfigurationError)
    }

    static func make(_ parsed: ParsedArguments, environment: CommandEnvironment) -> Result<TranscribeOptions, Failure> {
        var options = TranscribeOptions()
        do {
            var loaded = try ConfigurationLoader.load(configPath: parsed.value("config"), environment: environment)
            try loaded.prepareLogDirectory(environment: environment)
            options.configuration = loaded.configuration
            try options.applyFlags(parsed)
            options.engines = try engines(parsed, loaded: loaded, environment: environment)
        } catch {
            return .failure(.configuration(error))
        }
        guard !parsed.positionals.isEmpty else { return .failure(.usage("missing AUDIO")) }
        guard !options.engines.isEmpty else { return .failure(.usage("no engine: give --engine NAME=COMMAND or configure engines in lingosub.json")) }
        options.audioPaths = parsed.positionals.map(environment.absolute)
        if let primary = parsed.value("primary") {
            guard options.engines.contains(where: { $0.name == primary }) else {
                return .failure(.usage("--primary \(primary) is not one of the engines"))
            }
            options.primary = primary
        } else {
            options.primary = options.engines[0].name
        }
        guard let format = parsed.value("format").map(OutputFormat.init(rawValue:)) ?? .json else {
            return .failure(.usage("--format expects json, srt or vtt"))
        }
        options.format = format
        if format != .json, options.audioPaths.count > 1, parsed.value("out") == nil {
            return .failure(.usage("--format \(format.rawValue) with several files needs --out DIR"))
        }
        if parsed.value("out") != nil, let clash = Self.nameClash(options.audioPaths, format: format) {
            return .failure(.usage(clash))
        }
        if let out = parsed.value("out").map(environment.absolute), options.audioPaths.count > 1, Self.isFile(out) {
            return .failure(.usage("--out \(out) is a file; several audio files need a directory"))
        }
        if let text = parsed.value("priority") {
            guard let priority = TaskPriority.allCases.first(where: { $0.description == text }) else {
                return .failure(.usage("--priority expects low, normal, high or critical"))
            }
            options.priority = priority
        }
        options.language = parsed.value("language")
        options.out = parsed.value("out").map(environment.absolute)
        options.quiet = parsed.has("quiet")
        options.profile = parsed.value("profile")
        return .success(options)
    }

    /// The engines to run: every `--engine` (each name once), else those of the configuration, with
    /// their executables resolved (shared by `transcribe` and `engines check`).
    static func engines(
        _ parsed: ParsedArguments, loaded: ConfigurationLoader.Loaded, environment: CommandEnvironment
    ) throws(ConfigurationError) -> [EngineEntry] {
        let flagged = parsed.values("engine")
        guard !flagged.isEmpty else {
            return try resolved(loaded.configuration.engines, source: loaded.sources["engines"] ?? .default, environment: environment)
        }
        var entries: [EngineEntry] = []
        for text in flagged {
            let entry = try EngineEntry.parse(text)
            guard !entries.contains(where: { $0.name == entry.name }) else {
                throw ConfigurationError(.invalidValue, key: "--engine", source: .flag, "engine \(entry.name) given twice")
            }
            entries.append(entry)
        }
        return try resolved(entries, source: .flag, environment: environment)
    }

    /// `--timeout` and `--log-level` override the configuration.
    private mutating func applyFlags(_ parsed: ParsedArguments) throws(ConfigurationError) {
        if let text = parsed.value("timeout") {
            // At least 1 ms: a shorter time would round to 0, which means no timeout at all.
            guard let seconds = Double(text), seconds.isFinite, seconds >= 0.001, seconds <= 86_400 else {
                throw ConfigurationError(.invalidValue, key: "--timeout", source: .flag, "expected seconds in 0.001...86400, got '\(text)'")
            }
            configuration.requestTimeoutMs = UInt64((seconds * 1_000).rounded())
        }
        if let text = parsed.value("log-level") {
            guard let level = LogLevel(rawValue: text) else {
                let names = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(.invalidValue, key: "--log-level", source: .flag, "expected one of \(names), got '\(text)'")
            }
            configuration.logLevel = level
        }
    }

    /// With several files, `--out` is a directory of `<audio stem>.<format>` files: two audio files
    /// with the same stem (`a/talk.wav`, `b/talk.wav`, or one path given twice) would overwrite each other.
    static func nameClash(_ audioPaths: [String], format: OutputFormat) -> String? {
        guard audioPaths.count > 1 else { return nil }
        var firstPath: [String: String] = [:]
        for path in audioPaths {
            let name = ResultWriter.fileName(audioPath: path, format: format)
            if let earlier = firstPath[name] {
                return "\(earlier) and \(path) would both be written to --out DIR/\(name)"
            }
            firstPath[name] = path
        }
        return nil
    }

    /// Whether `path` exists as something other than a directory (checked before any engine starts).
    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// Each engine's first word replaced by the executable's absolute path.
    static func resolved(
        _ engines: [EngineEntry], source: ConfigurationSource, environment: CommandEnvironment
    ) throws(ConfigurationError) -> [EngineEntry] {
        let resolver = ExecutableResolver(environment: environment)
        var result: [EngineEntry] = []
        for var entry in engines {
            switch resolver.resolve(entry.command[0]) {
            case .success(let path): entry.command[0] = path
            case .failure(let failure):
                let key = source == .flag ? "--engine \(entry.name)" : "engines.\(entry.name)"
                throw ConfigurationError(.invalidValue, key: key, source: source, failure.description)
            }
            result.append(entry)
        }
        return result
    }
}
