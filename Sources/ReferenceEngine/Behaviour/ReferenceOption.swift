import EngineSDK

/// One lsref switch: its flag, its variable, and how its value sets the behaviour.
struct ReferenceOption: Sendable {
    struct ValueError: Error, Sendable { var reason: String }

    let flag: String
    let valueName: String
    let help: String
    let apply: @Sendable (String, inout ReferenceBehaviour) throws(ValueError) -> Void

    var isSwitch: Bool { valueName.isEmpty }
    /// `--latency-ms` → `LSREF_LATENCY_MS`.
    var variable: String { "LSREF_" + flag.dropFirst(2).uppercased().replacingDashes() }

    static let all: [ReferenceOption] = [
        number("--startup-delay-ms", "sleep before reading stdin") { $0.startupDelayMs = $1 },
        number("--loading-ms", "model load time (health: loading)") { $0.loadingMs = $1 },
        number("--latency-ms", "extra time per transcription") { $0.latencyMs = $1 },
        number("--step-ms", "time between progress steps (20)") { $0.stepMs = $1 },
        number("--crash-after", "the N-th transcription exits instead of replying", min: 1) { $0.crashAfterRequests = $1 },
        number("--crash-exit-code", "exit status of that crash (3)", min: 1) { $0.crashExitCode = Int32(clamping: $1) },
        number("--hang-after", "the N-th transcription freezes the engine", min: 1) { $0.hangAfterRequests = $1 },
        ReferenceOption(flag: "--health", valueName: "STATUS", help: "health_check status: ok, degraded, error") { value, behaviour throws(ValueError) in
            guard let status = HealthStatus.Status(rawValue: value), status != .loading else {
                throw ValueError(reason: "'\(value)' is not ok, degraded or error")
            }
            behaviour.health = status
        },
        toggle("--garbage-output", "a non-JSON stdout line before each reply") { $0.garbageOutput = $1 },
        toggle("--oversized-output", "an over-limit stdout line before each reply") { $0.oversizedOutput = $1 },
        number("--heartbeat-percent", "heartbeat period in % of the asked one (100)", min: 1) { $0.heartbeatPercent = $1 },
        toggle("--ignore-sigterm", "keep running on SIGTERM") { $0.ignoreTerminate = $1 },
        toggle("--stray-print", "print() in the engine; the SDK sends it to stderr") { $0.strayPrint = $1 },
        toggle("--banner", "print a banner on stdout at start (a violation)") { $0.banner = $1 },
        number("--max-concurrent", "capabilities.maxConcurrentRequests", min: 1) { $0.maxConcurrentRequests = $1 },
        number("--words-per-segment", "words per segment at most (5)", min: 1) { $0.wordsPerSegmentMax = $1 },
        number("--pause-ms", "a pause this long starts a segment (600)") { $0.pauseMsMin = $1 },
        ReferenceOption(flag: "--languages", valueName: "LIST", help: "capabilities.languages (en,de)") { value, behaviour throws(ValueError) in
            let languages = value.split(separator: ",").map(String.init)
            guard !languages.isEmpty, Set(languages).count == languages.count else {
                throw ValueError(reason: "needs a comma-separated list of distinct codes")
            }
            behaviour.languages = languages
        },
    ]

    static func number(
        _ flag: String, _ help: String, min: Int = 0, _ set: @escaping @Sendable (inout ReferenceBehaviour, Int) -> Void
    ) -> ReferenceOption {
        ReferenceOption(flag: flag, valueName: "N", help: help) { value, behaviour throws(ValueError) in
            guard let number = Int(value), number >= min, number <= 86_400_000 else {
                throw ValueError(reason: "'\(value)' is not an integer in \(min)...86400000")
            }
            set(&behaviour, number)
        }
    }

    static func toggle(
        _ flag: String, _ help: String, _ set: @escaping @Sendable (inout ReferenceBehaviour, Bool) -> Void
    ) -> ReferenceOption {
        ReferenceOption(flag: flag, valueName: "", help: help) { value, behaviour throws(ValueError) in
            switch value {
            case "1", "true", "yes": set(&behaviour, true)
            case "0", "false", "no", "": set(&behaviour, false)
            default: throw ValueError(reason: "'\(value)' is not 1/0/true/false")
            }
        }
    }
}

extension String {
    fileprivate func replacingDashes() -> String { String(map { $0 == "-" ? "_" : $0 }) }
}
