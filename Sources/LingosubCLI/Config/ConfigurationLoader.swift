import Foundation
import Wire

/// Builds the configuration from its layers: defaults, then `lingosub.json` (`--config FILE`, else
/// `./lingosub.json` when present), then `LINGOSUB_*` variables. Flags are applied by the command.
package enum ConfigurationLoader {
    static let fileName = "lingosub.json"
    static let fileBytesMax = 1 << 20
    static let sections = ["engines", "policies", "limits", "logging"]

    package struct Loaded: Sendable {
        package var configuration = LingosubConfiguration.default
        /// The source of every scalar key (`ConfigurationKey.path`) and of `engines`.
        package var sources: [String: ConfigurationSource] = [:]
    }

    package static func load(configPath: String?, environment: CommandEnvironment) throws(ConfigurationError) -> Loaded {
        var loaded = Loaded()
        for key in ConfigurationKey.all { loaded.sources[key.path] = .default }
        loaded.sources["engines"] = .default
        if let path = filePath(configPath, environment: environment) {
            try applyFile(path, to: &loaded)
        }
        for key in ConfigurationKey.all {
            let name = key.environmentName
            guard let text = environment.variables[name] else { continue }
            let value = try key.check(.text(text), source: .environment(name))
            key.store(&loaded.configuration, value)
            loaded.sources[key.path] = .environment(name)
        }
        return loaded
    }

    private static func filePath(_ configPath: String?, environment: CommandEnvironment) -> String? {
        if let configPath { return environment.absolute(configPath) }
        let candidate = environment.absolute(fileName)
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }

    private static func applyFile(_ path: String, to loaded: inout Loaded) throws(ConfigurationError) {
        let source = ConfigurationSource.file(path)
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, bytesMax: fileBytesMax)
        } catch {
            throw ConfigurationError(.unreadableFile, key: "--config", source: source, error.reason)
        }
        let root: JSONObject
        do {
            guard let object = try JSONParser.parse(bytes).objectValue else {
                throw ConfigurationError(.invalidJSON, key: "(root)", source: source, "expected a JSON object")
            }
            root = object
        } catch let error as JSONError {
            throw ConfigurationError(.invalidJSON, key: "(root)", source: source, "invalid JSON: \(error)")
        } catch let error as ConfigurationError {
            throw error
        } catch {
            throw ConfigurationError(.invalidJSON, key: "(root)", source: source, "\(error)")
        }
        for member in root.members {
            guard sections.contains(member.key) else {
                throw ConfigurationError(.unknownKey, key: member.key, source: source, "unknown section (known: \(sections.joined(separator: ", ")))")
            }
            guard let object = member.value.objectValue else {
                throw ConfigurationError(.invalidValue, key: member.key, source: source, "expected an object")
            }
            if member.key == "engines" {
                loaded.configuration.engines = try EngineEntry.entries(object, source: source)
                loaded.sources["engines"] = source
            } else {
                try applySection(member.key, object, source: source, to: &loaded)
            }
        }
    }

    private static func applySection(
        _ section: String, _ object: JSONObject, source: ConfigurationSource, to loaded: inout Loaded
    ) throws(ConfigurationError) {
        for member in object.members {
            let path = section + "." + member.key
            guard let key = ConfigurationKey.all.first(where: { $0.path == path }) else {
                let known = ConfigurationKey.all.filter { $0.path.hasPrefix(section + ".") }.map(\.path)
                throw ConfigurationError(.unknownKey, key: path, source: source, "unknown key (known: \(known.joined(separator: ", ")))")
            }
            let value: ConfigurationValue
            switch member.value {
            case .string(let text): value = .text(text)
            case .number(let number): value = .number(number.text)
            default:
                throw ConfigurationError(.invalidValue, key: path, source: source, "expected a number or a string")
            }
            key.store(&loaded.configuration, try key.check(value, source: source))
            loaded.sources[path] = source
        }
    }
}
