import EngineSDK
import Wire

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
