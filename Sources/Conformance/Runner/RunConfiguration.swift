/// Everything a run needs: the engine command and the CLI's options.
package struct RunConfiguration: Sendable {
    package var command: EngineCommand
    /// `--case` patterns (prefix of a case id, group or rule id); empty selects every case.
    package var casePatterns: [String] = []
    /// SHOULD failures become FAIL.
    package var strict = false
    /// How long any reply may take (SPEC bounds such as 500 ms for health are fixed, not this).
    package var replyTimeoutMs = 5_000
    /// Added to the SPEC's timing bounds (health 500 ms, cancel 2 s, heartbeat ±50 %) for the
    /// runner's own scheduling latency on a loaded machine.
    package var timingSlackMs = 50
    /// Cases run at once, each with its own engine processes.
    package var jobs = 4
    /// Case ids expected to fail (`--baseline`).
    package var baseline: Set<String>?
    package var keepLogsDirectory: String?
    package var jsonPath: String?
    package var junitPath: String?
    /// `--audio DIR`: the user's WAVs for transcribe cases.
    package var audioDirectory: String?
    /// Length of the generated long clip, in seconds.
    package var longAudioSeconds = FixtureSet.longSecondsDefault

    package init(command: EngineCommand) { self.command = command }

    package static let jobsMax = 64
    package static let replyTimeoutMsRange = 100...60_000
}
