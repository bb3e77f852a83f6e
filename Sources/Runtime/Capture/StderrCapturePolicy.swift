/// How a child's stderr is kept: a rotating log file, a tail of lines, and a bounded buffer between
/// the reading thread and the log writer (bytes that do not fit are counted as dropped).
package struct StderrCapturePolicy: Sendable, Equatable {
    /// Where the log goes; nil keeps no file (tail and counters only).
    package var log: LogRotationPolicy?
    /// Lines kept in memory for diagnostics.
    package var tailLinesMax: Int = 50
    /// A longer line is cut to this many bytes (in the tail and the line handler only; the log keeps all).
    package var lineBytesMax: Int = 4_096
    /// Bytes waiting for the log writer beyond which new chunks are dropped and counted.
    package var bufferBytesMax: Int = 4 * 1024 * 1024
    /// After a read that emptied the pipe, the reader waits this long (unless the pipe hangs up or
    /// reading is cancelled) before reading again, so an engine that logs a line or two per request
    /// wakes the reader (and the driver) once per batch, not per line, and leaves the cores to the
    /// request path. Lines reach the handler at most this much later; a full read never waits, so a
    /// flood is read at full speed. 0 reads every line as it comes.
    package var batchMs: Int = 2

    package init() {}

    package static let `default` = StderrCapturePolicy()
}
