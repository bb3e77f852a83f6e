import EngineSDK

/// lsref's flags and `LSREF_*` variables. A flag wins over its variable; `--config PATH` is left
/// for the SDK's config loader.
package enum ReferenceCommandLine {
    /// What the command line asks for.
    package enum Parsed: Sendable, Hashable {
        case run(ReferenceBehaviour)
        case help
    }

    /// A bad flag or value, naming where it came from (`--latency-ms` or `env:LSREF_LATENCY_MS`).
    package struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
        package var source: String
        package var reason: String
        package var description: String { "\(source): \(reason)" }
    }

    package static func parse(arguments: [String], environment: [String: String]) throws(UsageError) -> Parsed {
        var values: [String: (value: String, source: String)] = [:]
        for option in ReferenceOption.all {
            if let value = environment[option.variable] { values[option.flag] = (value, "env:\(option.variable)") }
        }
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument == "--help" || argument == "-h" { return .help }
            if argument == "--config" { index += 1; continue }
            if argument.hasPrefix("--config=") { continue }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard let option = ReferenceOption.all.first(where: { $0.flag == parts[0] }) else {
                throw UsageError(source: argument, reason: "unknown option (see lsref --help)")
            }
            if parts.count == 2 {
                values[option.flag] = (parts[1], option.flag)
            } else if option.isSwitch {
                values[option.flag] = ("1", option.flag)
            } else {
                guard index < arguments.count else { throw UsageError(source: option.flag, reason: "needs a value") }
                values[option.flag] = (arguments[index], option.flag)
                index += 1
            }
        }
        var behaviour = ReferenceBehaviour()
        for option in ReferenceOption.all {
            guard let entry = values[option.flag] else { continue }
            do throws(ReferenceOption.ValueError) {
                try option.apply(entry.value, &behaviour)
            } catch {
                throw UsageError(source: entry.source, reason: error.reason)
            }
        }
        return .run(behaviour)
    }

    /// `lsref --help`.
    package static var helpText: String {
        var lines = [
            "lsref — the LingoSub reference engine: a deterministic sidecar speaking the protocol of",
            "Conformance/SPEC.md on stdin/stdout, with switches for misbehaviour in tests.",
            "",
            "usage: lsref [--config PATH] [options]",
            "",
            "It transcribes 16-bit PCM WAV (any rate, mono or stereo). When <audio>.txt exists next to the",
            "file its words are returned, spread over the detected tone bursts (or evenly over the audio);",
            "otherwise each tone burst is decoded to a word (Examples/audio holds two samples).",
            "",
            "options (each also as an environment variable; a flag wins):",
        ]
        for option in ReferenceOption.all {
            let flag = option.isSwitch ? option.flag : "\(option.flag) \(option.valueName)"
            lines.append("  " + flag.padding(26) + option.variable.padding(26) + option.help)
        }
        lines += [
            "",
            "SDK configuration: defaults < JSON file (--config PATH or LINGOSUB_CONFIG) < LINGOSUB_* variables,",
            "keys \(EngineConfig.keys.joined(separator: ", ")).",
            "lsref defaults: maxConcurrentRequests 2, maxMessageBytes 4194304. Logs are JSON lines on stderr.",
        ]
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
