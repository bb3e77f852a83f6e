import EngineSDK
import Wire

/// lsref without waiting: when its plan has no delays (`--step-ms 0`, no `--latency-ms`, no
/// `--loading-ms`) and no hang, the SDK runs it on its reader thread instead of in a task.
extension ReferenceSpeechEngine: ImmediateSpeechEngine {
    /// Audio files up to this size are transcribed on the SDK's reader thread (about 30 s of
    /// 16 kHz mono); larger ones go to the async path so input keeps being read meanwhile.
    static let immediateBytesMax = 1 << 20

    /// Whether every step of every plan happens at 0 ms and none hangs.
    var plansWithoutWaiting: Bool {
        behaviour.stepMs == 0 && behaviour.latencyMs == 0 && behaviour.hangAfterRequests == nil
    }

    package func loadImmediately(_ config: EngineConfig) throws -> Bool { behaviour.loadingMs == 0 }

    package func checkHealthImmediately() -> HealthStatus? { healthStatus }

    package func transcribeImmediately(
        _ request: TranscriptionRequest, reporter: TranscriptionReporter, cancellation: CancellationSignal
    ) throws -> Transcript? {
        guard plansWithoutWaiting else { return nil }
        let audio: [UInt8]?
        switch try ReferenceAudioFile.read(request.audioPath, declineOverBytes: Self.immediateBytesMax) {
        case .declined: return nil
        case .missing: audio = nil
        case .bytes(let bytes): audio = bytes
        }
        for step in plan(request, audio: audio).steps {
            precondition(step.atMs == 0, "a plan without waiting has a step at \(step.atMs) ms")
            if let transcript = try run(step.action, reporter: reporter) { return transcript }
        }
        throw EngineError(.engineFailure, reason: "plan without an ending")
    }
}
