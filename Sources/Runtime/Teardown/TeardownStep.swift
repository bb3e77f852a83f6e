/// One step of a stop: signal the whole process group, then wait up to `graceMs` for the leader.
/// A stop is a list of steps that ends with SIGKILL (the executor appends one if missing).
package struct TeardownStep: Sendable, Hashable {
    package var signal: GroupSignal
    package var graceMs: Int

    package init(signal: GroupSignal, graceMs: Int) {
        self.signal = signal
        self.graceMs = graceMs
    }

    /// SIGTERM, 5 s, then SIGKILL.
    package static let seedDefault: [TeardownStep] = [
        TeardownStep(signal: .terminate, graceMs: 5_000),
        TeardownStep(signal: .kill, graceMs: 5_000),
    ]
}
