import Wire

/// One report from an engine about a running request.
package enum TranscriptionReport: Sendable, Hashable {
    case progress(fraction: Double, stage: String)
    case draft(Segment)
}
