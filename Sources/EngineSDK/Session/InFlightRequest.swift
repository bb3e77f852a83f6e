/// A request that has been read and not yet answered.
struct InFlightRequest: Sendable {
    enum Kind: Sendable {
        case transcription(TranscriptionProgress)
        case health
        case restart
    }

    let handle: RequestHandle
    var kind: Kind
    let readAtMs: Int
    /// Where the final reply goes when the request came inside a batch.
    let batchSlot: BatchSlot?

    var isTranscription: Bool { if case .transcription = kind { true } else { false } }
}
