import Wire

/// A speech-to-text engine. Implement these hooks and call `runSidecar(makeEngine:)`: the SDK
/// speaks the LingoSub sidecar protocol (Conformance/SPEC.md) on stdin/stdout for you — handshake,
/// concurrency limit, health while busy, heartbeats, cancellation, stop, end of input and SIGTERM.
///
/// Order of calls: `initializeEngine(_:)` once after a successful `initialize`, then `start()` to
/// load the model (and again after `stop()` on every `restart`); `transcribe` only while the model
/// is loaded; `stop()` before the process exits.
///
///     struct EchoEngine: SpeechEngine {
///         var descriptor: EngineDescriptor { EngineDescriptor(name: "echo", version: "1.0") }
///         func transcribe(_ request: TranscriptionRequest, reporter: TranscriptionReporter,
///                         cancellation: CancellationSignal) async throws -> Transcript {
///             reporter.progress(0.5, stage: "decoding")
///             if cancellation.isCancelled { throw CancellationError() }
///             return Transcript(language: request.language ?? "en", durationSeconds: 0, segments: [])
///         }
///     }
///     runSidecar { _ in EchoEngine() }   // in main.swift; never returns
///
/// An engine that can often answer without suspending (a small file, a loaded model) may also adopt
/// `ImmediateSpeechEngine`; the SDK then skips the hop onto the concurrency pool for those calls.
public protocol SpeechEngine: Sendable {
    /// Name, version and capabilities announced in the `initialize` result.
    var descriptor: EngineDescriptor { get }

    /// Receives the merged configuration: defaults < config file < `LINGOSUB_*` environment,
    /// with the coordinator's `initialize.params.config` in `EngineConfig.client`.
    func initializeEngine(_ config: EngineConfig) async throws

    /// Loads the model. While it runs, `health_check` answers `loading`; a throw makes health `error`.
    func start() async throws

    /// Releases the model (before a restart's `start()` and before exit). Bounded by the SDK to 2 s at exit.
    func stop() async

    /// The engine's own view of its health; the SDK answers `loading` while `start()` runs and
    /// `degraded` when this does not return within 400 ms.
    func checkHealth() async -> HealthStatus

    /// Transcribes one request. Send progress and drafts through `reporter`; poll `cancellation`
    /// (or honour Swift task cancellation) and return or throw soon after it fires: the SDK has
    /// already answered the request with -32800 and drops whatever you return.
    /// Throw `EngineError` for the protocol's audio/language codes; any other error is -32000.
    func transcribe(
        _ request: TranscriptionRequest, reporter: TranscriptionReporter, cancellation: CancellationSignal
    ) async throws -> Transcript
}

extension SpeechEngine {
    public func initializeEngine(_ config: EngineConfig) async throws {}
    public func start() async throws {}
    public func stop() async {}
    public func checkHealth() async -> HealthStatus { .ok }
}
