/// A transcription's notification state: the SDK keeps progress monotonic and drafts numbered.
struct TranscriptionProgress: Sendable {
    let request: TranscriptionRequest
    /// Started on the engine (false while waiting for the model).
    var running = false
    var lastFraction: Double?
    var draftSequence = 0
}
