import Wire

/// Sends `progress` and `draft` notifications for one request. The SDK keeps them legal: fractions
/// are clamped to 0…1 and never go down, drafts are numbered 1, 2, 3, …, and nothing is sent once
/// the request has its final reply (or when `capabilities.drafts` is false, for drafts).
public struct TranscriptionReporter: Sendable {
    private let send: @Sendable (TranscriptionReport) -> Void

    package init(send: @escaping @Sendable (TranscriptionReport) -> Void) { self.send = send }

    /// Reports progress: `fraction` in 0…1, `stage` such as `loading_audio`, `decoding`, `finalizing`.
    public func progress(_ fraction: Double, stage: String) { send(.progress(fraction: fraction, stage: stage)) }

    /// Reports a draft of one segment; a later draft with the same `segment.id` replaces it.
    public func draft(_ segment: Segment) { send(.draft(segment)) }
}
