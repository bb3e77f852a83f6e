/// Ordering state of one pipe: chunks are delivered in write order, never before `lastMs`, and not
/// while stalled.
struct OutputPipe: Sendable {
    var lastMs: UInt64 = 0
    var stalledUntilMs: UInt64 = 0
}
