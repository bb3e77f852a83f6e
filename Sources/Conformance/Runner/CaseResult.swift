/// The outcome of one case.
package struct CaseResult: Sendable, Equatable {
    package enum Verdict: String, Sendable, Equatable {
        case pass = "PASS"
        /// A MUST rule failed (or a SHOULD under `--strict`).
        case fail = "FAIL"
        /// A SHOULD rule failed.
        case warn = "WARN"
        /// A MAY rule was not taken; information only.
        case info = "INFO"
        /// Failed, and listed in the baseline: does not fail the run.
        case expectedFailure = "XFAIL"
        /// Listed in the baseline but passed: the baseline is stale, which fails the run.
        case stale = "STALE"
    }

    package var id: String
    package var rule: String
    package var title: String
    package var verdict: Verdict
    package var expected: String?
    package var actual: String?
    /// PASS notes (e.g. what could not be exercised) and baseline remarks.
    package var note: String?
    /// Where the byte transcript was written, if it was.
    package var transcriptPath: String?
    package var durationMs: Int

    /// Whether this result makes the run fail.
    package var failsRun: Bool { verdict == .fail || verdict == .stale }
}
