/// What a `LineFramer` reports for the bytes it was given.
public enum FrameEvent: Sendable, Hashable {
    /// One complete line: without its `\n` and without one trailing `\r`; never empty or whitespace-only.
    case line([UInt8])
    /// A line longer than `maxLineBytes` was discarded through its `\n`. `byteCount` is its length
    /// excluding the `\n` (a trailing `\r` included). Reported once per line, when it ends.
    case oversized(byteCount: Int)
    /// At end of input, a partial line without a `\n`; `byteCount` is its length.
    case truncated(byteCount: Int)
}
