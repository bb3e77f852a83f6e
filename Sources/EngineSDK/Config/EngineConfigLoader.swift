import Wire

/// Builds an `EngineConfig` from defaults < a JSON config file < `LINGOSUB_*` environment variables.
/// Pure: the caller passes the arguments, the environment and a file reader.
///
/// The file is `--config PATH` (or `--config=PATH`) from the arguments, else `LINGOSUB_CONFIG`.
/// An environment variable `LINGOSUB_A_B__C_D` sets key `aB.cD`; its value is parsed as JSON when it
/// parses (`2`, `true`, `{"x":1}`) and taken as a string otherwise (`debug`).
public struct EngineConfigLoader: Sendable {
    public var arguments: [String]
    public var environment: [String: String]
    public var readFile: @Sendable (String) throws -> [UInt8]
    /// The lowest layer (an engine may ship other defaults than `EngineConfig.default`).
    public var defaults = EngineConfig.default

    public static let environmentPrefix = "LINGOSUB_"
    public static let fileVariable = "LINGOSUB_CONFIG"

    public init(arguments: [String], environment: [String: String], readFile: @escaping @Sendable (String) throws -> [UInt8]) {
        self.arguments = arguments
        self.environment = environment
        self.readFile = readFile
    }

    /// The merged, validated configuration.
    public func load() throws(ConfigError) -> EngineConfig {
        var values: [(key: [String], value: JSONValue, source: String)] = []
        if let path = configPath() {
            for member in try fileObject(path).members {
                values.append((key: [member.key], value: member.value, source: "file:\(path)"))
            }
        }
        for name in environment.keys.sorted() where name.hasPrefix(Self.environmentPrefix) && name != Self.fileVariable {
            let raw = environment[name] ?? ""
            let value = Self.value(ofVariable: raw)
            values.append((key: Self.keyPath(environmentName: name), value: value, source: "env:\(name)"))
        }
        var config = defaults
        for entry in values { try config.apply(entry.key, entry.value, source: entry.source) }
        return config
    }

    /// `LINGOSUB_SETTINGS__MODEL_PATH` → `["settings", "modelPath"]`.
    public static func keyPath(environmentName name: String) -> [String] {
        let body = name.dropFirst(environmentPrefix.count)
        var path: [String] = []
        for segment in Self.splitDoubleUnderscore(String(body)) {
            var key = ""
            for (index, word) in segment.lowercased().split(separator: "_").enumerated() {
                key += index == 0 ? String(word) : word.prefix(1).uppercased() + word.dropFirst()
            }
            path.append(key)
        }
        return path
    }

    private static func splitDoubleUnderscore(_ text: String) -> [String] {
        var segments: [String] = []
        var current = ""
        var pendingUnderscore = false
        for character in text {
            if character == "_" {
                if pendingUnderscore {
                    segments.append(current)
                    current = ""
                    pendingUnderscore = false
                } else {
                    pendingUnderscore = true
                }
                continue
            }
            if pendingUnderscore { current.append("_") }
            pendingUnderscore = false
            current.append(character)
        }
        if pendingUnderscore { current.append("_") }
        segments.append(current)
        return segments
    }

    /// A variable's value: JSON when it parses, else the text itself.
    private static func value(ofVariable raw: String) -> JSONValue {
        do throws(JSONError) {
            return try JSONParser.parse(Array(raw.utf8))
        } catch {
            return .string(raw)
        }
    }

    private func configPath() -> String? {
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--config", index + 1 < arguments.count { return arguments[index + 1] }
            if argument.hasPrefix("--config=") { return String(argument.dropFirst("--config=".count)) }
            index += 1
        }
        return environment[Self.fileVariable]
    }

    private func fileObject(_ path: String) throws(ConfigError) -> JSONObject {
        let bytes: [UInt8]
        do {
            bytes = try readFile(path)
        } catch {
            throw ConfigError(.unreadableFile, key: path, source: "file:\(path)", reason: "\(error)")
        }
        let parsed: JSONValue
        do throws(JSONError) {
            parsed = try JSONParser.parse(bytes)
        } catch {
            throw ConfigError(.invalidFile, key: path, source: "file:\(path)", reason: "invalid JSON: \(error)")
        }
        guard case .object(let object) = parsed else {
            throw ConfigError(.invalidFile, key: path, source: "file:\(path)", reason: "the file is not a JSON object")
        }
        return object
    }
}
