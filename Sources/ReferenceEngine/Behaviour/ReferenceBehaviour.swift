import EngineSDK

/// Everything that makes lsref behave well or badly, as a value: set by flags and `LSREF_*`
/// variables (`ReferenceCommandLine`), or directly by the simulator.
package struct ReferenceBehaviour: Sendable, Hashable {
    /// Sleep before reading stdin (`--startup-delay-ms`).
    package var startupDelayMs = 0
    /// Model load time after `initialize` and on `restart`; health says `loading` meanwhile (`--loading-ms`).
    package var loadingMs = 0
    /// Extra time spread over each transcription (`--latency-ms`).
    package var latencyMs = 0
    /// Time between two steps of a transcription plan (`--step-ms`).
    package var stepMs = 20
    /// The N-th transcription (1-based) exits the process instead of replying (`--crash-after`).
    package var crashAfterRequests: Int?
    /// Exit status of that crash (`--crash-exit-code`).
    package var crashExitCode: Int32 = 3
    /// The N-th transcription freezes the engine: nothing is answered any more (`--hang-after`).
    package var hangAfterRequests: Int?
    /// What `checkHealth()` reports once loaded (`--health ok|degraded|error`).
    package var health = HealthStatus.Status.ok
    /// A non-JSON line on stdout before every transcription reply (`--garbage-output`).
    package var garbageOutput = false
    /// A line over the effective limit on stdout before every transcription reply (`--oversized-output`).
    package var oversizedOutput = false
    /// Heartbeat period × percent / 100; 300 makes them three times too slow (`--heartbeat-percent`).
    package var heartbeatPercent = 100
    /// Keep running on SIGTERM (`--ignore-sigterm`).
    package var ignoreTerminate = false
    /// Write a banner line on stdout at start-up (`--banner`).
    package var banner = false
    /// Call `print` on every transcription, which the SDK must keep off the protocol stream (`--stray-print`).
    package var strayPrint = false
    /// `capabilities.maxConcurrentRequests` (`--max-concurrent`; default from the config: 2 for lsref).
    package var maxConcurrentRequests: Int?
    /// A segment ends after this many words (`--words-per-segment`).
    package var wordsPerSegmentMax = 5
    /// A pause at least this long between two words starts a new segment (`--pause-ms`).
    package var pauseMsMin = 600
    /// `capabilities.languages` (`--languages en,de`).
    package var languages = ["en", "de"]

    package init() {}

    /// The banner line `--banner` writes.
    package static let bannerLine = Array("lsref 0.1.0 starting\n".utf8)
    /// The line `--garbage-output` writes.
    package static let garbageLine = Array("garbage: this is not JSON\n".utf8)
}
