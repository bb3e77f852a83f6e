/// Receives scheduler outputs as they are produced, in order. The coordinator's `ActionSink` turns
/// each into its actions at once (no intermediate array per call); an array records them (tests).
package protocol SchedulerSink {
    mutating func append(_ output: SchedulerOutput)
}

extension Array: SchedulerSink where Element == SchedulerOutput {}
