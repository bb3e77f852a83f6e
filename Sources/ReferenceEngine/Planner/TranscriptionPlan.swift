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
