/// How much a run records and checks (the benchmark turns the extras off).
package struct RunOptions: Sendable {
    /// Write the JSONL trace.
    package var trace = true
    /// Keep emitted events for expectations, replay checks and the timeline.
    package var recordEvents = true
    /// Run `Coordinator.checkInvariants` and the simulator's invariants (including its own lane tracking,
    /// which is skipped when off).
    package var checkInvariants = true
    /// Keep every coordinator input with its time (the benchmark replays them into a bare Coordinator).
    package var recordInputs = false
    /// Stop a run after this many violations.
    package var violationsMax = 20

    package init() {}

    package static let full = RunOptions()

    /// No trace, no records, no checks: raw speed.
    package static let bench: RunOptions = {
        var options = RunOptions()
        options.trace = false
        options.recordEvents = false
        options.checkInvariants = false
        return options
    }()
}
