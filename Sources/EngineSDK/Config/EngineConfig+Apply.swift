import Wire

extension EngineConfig {
    /// Sets one key from one source, validating it.
    mutating func apply(_ path: [String], _ value: JSONValue, source: String) throws(ConfigError) {
        let key = path.joined(separator: ".")
        func invalid(_ reason: String) -> ConfigError { ConfigError(.invalidValue, key: key, source: source, reason: reason) }
        guard let head = path.first else { throw invalid("empty key") }
        if head == "settings" {
            guard path.count > 1 else {
                guard case .object(let object) = value else { throw invalid("must be an object") }
                for member in object.members { settings[member.key] = member.value }
                return
            }
            settings[path.dropFirst().joined(separator: ".")] = value
            return
        }
        guard path.count == 1 else { throw ConfigError(.unknownKey, key: key, source: source, reason: "not a nested key") }
        switch head {
        case "maxConcurrentRequests":
            maxConcurrentRequests = try Self.integer(value, in: 1...1_024, invalid)
        case "maxMessageBytes":
            maxMessageBytes = try Self.integer(value, in: 65_536...1_073_741_824, invalid)
        case "outputQueueBytesMax":
            outputQueueBytesMax = try Self.integer(value, in: 65_536...17_179_869_184, invalid)
        case "healthTimeoutMs":
            healthTimeoutMs = try Self.integer(value, in: 1...450, invalid)
        case "logLevel":
            guard let text = value.stringValue, let level = LogLevel(rawValue: text) else {
                throw invalid("must be one of debug, info, warning, error")
            }
            logLevel = level
        default:
            throw ConfigError(.unknownKey, key: key, source: source, reason: "known keys: \(Self.keys.joined(separator: ", "))")
        }
    }

    private static func integer(
        _ value: JSONValue, in range: ClosedRange<Int>, _ invalid: (String) -> ConfigError
    ) throws(ConfigError) -> Int {
        guard let number = value.intValue, range.contains(number) else {
            throw invalid("must be an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }
}
