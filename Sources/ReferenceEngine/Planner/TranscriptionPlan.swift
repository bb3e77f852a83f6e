import EngineSDK
import Wire

/// What lsref does for one `transcribe` request, as timed steps. The real adaptor waits in real
/// time between steps; the simulator schedules them on its virtual clock.
package struct TranscriptionPlan: Sendable, Hashable {
    package var steps: [PlanStep]

    package init(steps: [PlanStep]) { self.steps = steps }

    /// When the last step happens, in ms after the request started.
    package var durationMs: Int { steps.last?.atMs ?? 0 }
}

/// One step of a plan, `atMs` after the request started (non-decreasing along the plan).
package struct PlanStep: Sendable, Hashable {
    package var atMs: Int
    package var action: PlanAction

    package init(atMs: Int, _ action: PlanAction) {
        self.atMs = atMs
        self.action = action
    }
}

/// What happens at a step. A plan ends with exactly one of `finish`, `crash` or `hang`.
package enum PlanAction: Sendable, Hashable {
    case progress(fraction: Double, stage: String)
    case draft(Segment)
    /// Raw bytes on stdout (`--garbage-output`).
    case rawOutput([UInt8])
    /// One line over the effective limit on stdout (`--oversized-output`).
    case oversizedLine
    /// The final outcome.
    case finish(Result<Transcript, EngineError>)
    /// Exit the process with this status (`--crash-after`).
    case crash(exitCode: Int32)
    /// Stop answering anything (`--hang-after`).
    case hang
}
