import Core

/// Everything that can happen in the simulated world, one queue entry each.
package enum SimEvent: Sendable {
    /// Hand this input to the coordinator (answers to its spawn and dependency actions).
    case input(CoordinatorInput)
    /// A coordinator timer; stale when its generation is no longer the armed one.
    case timer(TimerID, generation: UInt64)
    case stdin(ProcessID, [UInt8])
    case stdout(ProcessID, [UInt8])
    case stderr(ProcessID, [UInt8])
    /// The process ended and its pipes are drained: report the exit.
    case reap(ProcessID, TerminationStatus)
    case engineStep(ProcessID, EngineStep)
    /// Scenario step `index`, repetition `repetition`.
    case client(index: Int, repetition: Int)
    case fault(index: Int)
    /// A hang or stall may be over: run what the process held back, in order.
    case release(ProcessID)
    /// The explore liveness phase begins.
    case liveness
}
