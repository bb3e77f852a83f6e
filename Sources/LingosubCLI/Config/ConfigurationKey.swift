/// One scalar setting of `lingosub.json`: its dotted path, the `LINGOSUB_*` variable that overrides
/// it, and how a value is checked and stored.
package struct ConfigurationKey: Sendable {
    enum Kind: Sendable {
        /// A whole number in `range`. Every maximum is finite, so no sum of a setting and a clock
        /// reading can overflow downstream.
        case integer(ClosedRange<UInt64>)
        case logLevel
        case restartPreset
        case text
    }

    /// `section.name`, e.g. `limits.requestTimeoutMs`.
    package let path: String
    let kind: Kind
    let store: @Sendable (inout LingosubConfiguration, ConfigurationValue) -> Void

    /// `LINGOSUB_` + the path in upper snake case: `limits.requestTimeoutMs` → `LINGOSUB_LIMITS_REQUEST_TIMEOUT_MS`.
    package var environmentName: String {
        var name = "LINGOSUB_"
        for character in path {
            if character == "." {
                name += "_"
            } else if character.isUppercase {
                name += "_" + String(character)
            } else {
                name += character.uppercased()
            }
        }
        return name
    }

    /// What the key takes, for `--help`: `0...86400000`, `debug|info|warn|error`, `TEXT`.
    package var valueHint: String {
        switch kind {
        case .integer(let range): "\(range.lowerBound)...\(range.upperBound)"
        case .logLevel: LogLevel.allCases.map(\.rawValue).joined(separator: "|")
        case .restartPreset: RestartPreset.allCases.map(\.rawValue).joined(separator: "|")
        case .text: "TEXT"
        }
    }

    /// Checks `value` against the kind; the error names the key and `source`.
    func check(_ value: ConfigurationValue, source: ConfigurationSource) throws(ConfigurationError) -> ConfigurationValue {
        switch (kind, value) {
        case (.integer(let range), .integer(let number)):
            guard range.contains(number) else { throw wholeNumberError(range, got: String(number), source: source) }
            return value
        case (.integer(let range), .text(let text)), (.integer(let range), .number(let text)):
            guard let number = UInt64(text) else { throw wholeNumberError(range, got: "'\(text)'", source: source) }
            return try check(.integer(number), source: source)
        case (.logLevel, .text(let text)):
            guard LogLevel(rawValue: text) != nil else {
                let names = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(.invalidValue, key: path, source: source, "expected one of \(names), got '\(text)'")
            }
            return value
        case (.restartPreset, .text(let text)):
            guard RestartPreset(rawValue: text) != nil else {
                let names = RestartPreset.allCases.map(\.rawValue).joined(separator: ", ")
                throw ConfigurationError(.invalidValue, key: path, source: source, "expected one of \(names), got '\(text)'")
            }
            return value
        case (.text, .text(let text)):
            guard !text.isEmpty else { throw ConfigurationError(.invalidValue, key: path, source: source, "must not be empty") }
            return value
        case (.logLevel, .integer(let number)), (.restartPreset, .integer(let number)), (.text, .integer(let number)):
            throw ConfigurationError(.invalidValue, key: path, source: source, "expected a string, got \(number)")
        case (.logLevel, .number(let text)), (.restartPreset, .number(let text)), (.text, .number(let text)):
            throw ConfigurationError(.invalidValue, key: path, source: source, "expected a string, got \(text)")
        }
    }

    private func wholeNumberError(_ range: ClosedRange<UInt64>, got: String, source: ConfigurationSource) -> ConfigurationError {
        ConfigurationError(
            .invalidValue, key: path, source: source,
            "expected a whole number in \(range.lowerBound)...\(range.upperBound), got \(got)")
    }
}

/// A setting's value before it is stored.
enum ConfigurationValue: Sendable, Equatable {
    case integer(UInt64)
    case text(String)
    /// A JSON number's text (`5`, `1.5`, `-1`), checked like text for whole-number keys.
    case number(String)

    var integer: UInt64 { if case .integer(let number) = self { number } else { preconditionFailure("not checked") } }
    var text: String { if case .text(let text) = self { text } else { preconditionFailure("not checked") } }
}

extension ConfigurationKey {
    /// Longest duration any `…Ms` key takes: one day.
    static let durationMsMax: UInt64 = 86_400_000
    static let durations = 0...durationMsMax
    static let positiveDurations = 1...durationMsMax

    /// Every scalar key, in the order `--help` and the README list them.
    package static let all: [ConfigurationKey] = [
        .init(path: "policies.restart", kind: .restartPreset) { $0.restartPreset = RestartPreset(rawValue: $1.text)! },
        .init(path: "policies.restartBackoffInitialMs", kind: .integer(durations)) { $0.restartBackoffInitialMs = $1.integer },
        .init(path: "policies.restartBackoffCapMs", kind: .integer(durations)) { $0.restartBackoffCapMs = $1.integer },
        .init(path: "policies.restartsMax", kind: .integer(0...1_000_000)) { $0.restartsMax = $1.integer },
        .init(path: "policies.healthProbeIntervalMs", kind: .integer(positiveDurations)) { $0.healthProbeIntervalMs = $1.integer },
        .init(path: "policies.healthProbeTimeoutMs", kind: .integer(positiveDurations)) { $0.healthProbeTimeoutMs = $1.integer },
        .init(path: "policies.loadingProbeIntervalMs", kind: .integer(positiveDurations)) { $0.loadingProbeIntervalMs = $1.integer },
        .init(path: "policies.startupTimeoutMs", kind: .integer(positiveDurations)) { $0.startupTimeoutMs = $1.integer },
        .init(path: "policies.stopGraceMs", kind: .integer(durations)) { $0.stopGraceMs = $1.integer },
        .init(path: "limits.requestTimeoutMs", kind: .integer(durations)) { $0.requestTimeoutMs = $1.integer },
        .init(path: "limits.requestsInFlightMax", kind: .integer(1...10_000)) { $0.requestsInFlightMax = $1.integer },
        .init(path: "limits.attemptsMax", kind: .integer(1...1_000)) { $0.attemptsMax = $1.integer },
        .init(path: "limits.queueCapacity", kind: .integer(1...1_000_000)) { $0.queueCapacity = $1.integer },
        .init(path: "logging.level", kind: .logLevel) { $0.logLevel = LogLevel(rawValue: $1.text) },
        .init(path: "logging.directory", kind: .text) { $0.logDirectory = $1.text },
    ]
}
