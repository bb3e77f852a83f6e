/// How a subtitle file is laid out byte-wise, so that a parsed file is rewritten identically.
public struct FileLayout: Sendable, Hashable {
    /// Line terminator to write.
    public var lineEnding: LineEnding = .lf
    /// Write a UTF-8 byte order mark first.
    public var byteOrderMark = false
    /// End the file with a blank line after the last block (`…text\n\n`) rather than a single line end.
    public var finalBlankLine = true
    /// End the file with a line end at all (false for a file whose last line is unterminated).
    public var finalLineEnd = true
    /// WebVTT: write hours in every timestamp (`00:01:02.000`) rather than only when non-zero (`01:02.000`).
    public var webVTTHoursAlways = true

    public init() {}

    /// A line terminator.
    public enum LineEnding: String, Sendable, Hashable {
        case lf = "\n"
        case crlf = "\r\n"
    }
}
