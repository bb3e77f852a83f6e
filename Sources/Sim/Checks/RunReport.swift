import Core

/// The outcome of one scenario run.
package struct RunReport: Sendable {
    package var scenarioName: String
    package var scenarioPath: String
    package var seed: UInt64
    package var faults: [FaultSpec]
    package var violations: [SimViolation]
    package var expectationFailures: [String]
    package var trace: [UInt8]
    package var traceHash: UInt64
    package var virtualMs: UInt64
    package var inputsHandled: UInt64
    package var eventsScheduled: UInt64
    /// Set by callers that ran it another way (explore, a faults file).
    package var replayCommandOverride: String?

    package var passed: Bool { violations.isEmpty && expectationFailures.isEmpty }

    /// The command that replays this run.
    package var replayCommand: String {
        replayCommandOverride ?? "swift run lssim run \(scenarioPath) --seed \(seed)"
    }

    /// Human summary: PASS/FAIL line, then every problem, then the replay command on failure.
    package var summary: String {
        var lines = ["\(passed ? "PASS" : "FAIL") \(scenarioName) seed \(seed): \(inputsHandled) inputs, "
            + "\(virtualMs) ms virtual, trace \(TraceWriter.hex(traceHash))"]
        for violation in violations { lines.append("  invariant \(violation)") }
        for failure in expectationFailures { lines.append("  expectation \(failure)") }
        if !passed { lines.append("  replay: \(replayCommand)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
