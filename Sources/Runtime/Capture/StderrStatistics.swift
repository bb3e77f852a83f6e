/// Counters of one child's stderr capture.
package struct StderrStatistics: Sendable, Equatable {
    /// Bytes read from the pipe.
    package var bytesRead: UInt64 = 0
    /// Bytes that reached the log files.
    package var bytesLogged: UInt64 = 0
    /// Bytes lost: the buffer to the log writer was full, or the log could not be written.
    package var bytesDropped: UInt64 = 0
    /// Most bytes ever waiting for the log writer (≤ `bufferBytesMax`).
    package var bufferBytesHighWater: Int = 0
    /// The last log file error, if any.
    package var logError: String?

    package init() {}
}
