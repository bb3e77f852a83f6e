import EngineSDK
import Foundation
import Synchronization
import Wire

/// lsref as a `SpeechEngine`: reads the audio (and `<audio>.txt`), asks `ReferencePlanner` for a plan
/// and carries it out in real time. Fault steps go through the server's `SidecarControl`.
package final class ReferenceSpeechEngine: SpeechEngine {
    package let behaviour: ReferenceBehaviour
    let control: SidecarControl
    private let requestCount = Atomic<Int>(0)

    package init(behaviour: ReferenceBehaviour, control: SidecarControl) {
        self.behaviour = behaviour
        self.control = control
    }

    package var descriptor: EngineDescriptor {
        EngineDescriptor(name: "lsref", version: "0.1.0", languages: behaviour.languages)
    }

    package func start() async throws {
        if behaviour.loadingMs > 0 { try await Task.sleep(nanoseconds: UInt64(behaviour.loadingMs) * 1_000_000) }
    }

    package func checkHealth() async -> HealthStatus { healthStatus }

    /// What `--health` sets.
    var healthStatus: HealthStatus {
        behaviour.health == .ok ? .ok : .status(behaviour.health, reason: "set by --health")
    }

    package func transcribe(
        _ request: TranscriptionRequest, reporter: TranscriptionReporter, cancellation: CancellationSignal
    ) async throws -> Transcript {
        let audio: [UInt8]?
        if case .bytes(let bytes) = try ReferenceAudioFile.read(request.audioPath) { audio = bytes } else { audio = nil }
        let plan = plan(request, audio: audio)
        let startMs = Self.nowMs()
        for step in plan.steps {
            try await Self.wait(until: startMs + step.atMs, cancellation: cancellation)
            if case .hang = step.action {
                control.freeze()
                while true { try await Self.wait(until: Self.nowMs() + 1_000, cancellation: cancellation) }
            }
            if let transcript = try run(step.action, reporter: reporter) { return transcript }
        }
        throw EngineError(.engineFailure, reason: "plan without an ending")
    }

    /// Counts the request (for `--crash-after`, `--hang-after`), prints for `--stray-print`, and plans it.
    func plan(_ request: TranscriptionRequest, audio: [UInt8]?) -> TranscriptionPlan {
        let number = requestCount.add(1, ordering: .relaxed).newValue
        if behaviour.strayPrint {
            print("stray print from engine code (request \(request.id))")
            fflush(nil)
        }
        return ReferencePlanner.plan(
            audio: audio, transcriptText: audio == nil ? nil : ReferenceAudioFile.transcriptText(for: request.audioPath),
            request: request, requestNumber: number, behaviour: behaviour)
    }

    /// Carries out one step other than `hang`; the transcript when the step ends the plan with it.
    func run(_ action: PlanAction, reporter: TranscriptionReporter) throws -> Transcript? {
        switch action {
        case .progress(let fraction, let stage): reporter.progress(fraction, stage: stage)
        case .draft(let segment): reporter.draft(segment)
        case .rawOutput(let bytes): control.injectOutput(bytes)
        case .oversizedLine: control.injectOversizedLine()
        case .crash(let code): control.crash(code)
        case .hang: preconditionFailure("a hang is carried out by the caller")
        case .finish(let outcome): return try outcome.get()
        }
        return nil
    }

    /// Sleeps in slices of at most 20 ms, throwing soon after a cancel.
    static func wait(until deadlineMs: Int, cancellation: CancellationSignal) async throws {
        while true {
            if cancellation.isCancelled { throw CancellationError() }
            let remaining = deadlineMs - nowMs()
            if remaining <= 0 { return }
            try await Task.sleep(nanoseconds: UInt64(min(remaining, 20)) * 1_000_000)
        }
    }

    static func nowMs() -> Int { Int(ProcessInfo.processInfo.systemUptime * 1_000) }
}
