/// Teardown as data (STYLE rule 11): optionally a `stop` request and a wait, then each step's signal
/// to the process group followed by its grace period, and always a final SIGKILL to the process group.
/// A requested stop uses the whole sequence; a forced restart (unhealthy, stuck in a stage, protocol
/// garbage) skips the `stop` request, since the engine is not answering well.
package struct StopSequence: Hashable, Sendable {
    /// How long to wait for the engine to exit after the `stop` request before signalling.
    package var stopRequestGraceMs: UInt64 = 5_000
    package var steps: [StopStep] = [StopStep(signal: .terminate, graceMs: 5_000)]

    package init() {}
    package static let seedDefault = StopSequence()
}

/// One teardown step: send `signal` to the process group, then wait `graceMs` for the exit.
package struct StopStep: Hashable, Sendable {
    package var signal: ProcessSignal
    package var graceMs: UInt64

    package init(signal: ProcessSignal, graceMs: UInt64) {
        self.signal = signal
        self.graceMs = graceMs
    }
}
