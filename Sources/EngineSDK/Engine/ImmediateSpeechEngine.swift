import Wire

/// A `SpeechEngine` that can often do its work without suspending. The SDK calls these hooks on its
/// stdin reader thread and skips the hop onto the Swift concurrency pool, so a short request is
/// answered in microseconds. Each hook may decline (`nil` / `false`); the SDK then calls the async
/// hook instead, so decline *before* doing anything you would do twice (counting, reading a file).
///
/// While a hook runs, the SDK reads no more input: take only work that finishes in a few
/// milliseconds, and decline anything that waits (timers, I/O that may block, long decoding).
///
///     extension EchoEngine: ImmediateSpeechEngine {
///         func transcribeImmediately(_ request: TranscriptionRequest, reporter: TranscriptionReporter,
///                                    cancellation: CancellationSignal) throws -> Transcript? {
///             guard isTiny(request) else { return nil }   // the async transcribe takes it
///             return Transcript(language: request.language ?? "en", durationSeconds: 0, segments: [])
///         }
///     }
public protocol ImmediateSpeechEngine: SpeechEngine {
    /// `initializeEngine(config)` then `start()` at once: true when the model is ready, false to have
    /// the SDK run the async hooks. A throw fails the load as a throwing `start()` does. Not used on restart.
    func loadImmediately(_ config: EngineConfig) throws -> Bool

    /// `checkHealth()` at once, or nil to have the SDK call `checkHealth()`.
    func checkHealthImmediately() -> HealthStatus?

    /// `transcribe` at once, or nil to have the SDK call the async `transcribe` (same contract:
    /// report through `reporter`, throw `EngineError` for the protocol's codes).
    func transcribeImmediately(
        _ request: TranscriptionRequest, reporter: TranscriptionReporter, cancellation: CancellationSignal
    ) throws -> Transcript?
}

extension ImmediateSpeechEngine {
    public func loadImmediately(_ config: EngineConfig) throws -> Bool { false }
    public func checkHealthImmediately() -> HealthStatus? { nil }
    public func transcribeImmediately(
        _ request: TranscriptionRequest, reporter: TranscriptionReporter, cancellation: CancellationSignal
    ) throws -> Transcript? { nil }
}
