/// The last lines of a byte stream, bounded in count and in bytes per line. Pure.
package struct StderrTail: Sendable, Equatable {
    package let linesMax: Int
    package let lineBytesMax: Int
    private var lines: [String] = []
    private var next = 0  // ring position once `lines` is full
    private var partial: [UInt8] = []
    private var partialTruncated = false

    package init(linesMax: Int, lineBytesMax: Int) {
        precondition(linesMax >= 1 && lineBytesMax >= 1, "tail bounds must be positive")
        self.linesMax = linesMax
        self.lineBytesMax = lineBytesMax
    }

    /// Adds bytes; returns the lines they completed (cut to `lineBytesMax`, `\r\n` tolerated).
    package mutating func append(_ chunk: some Collection<UInt8>) -> [String] {
        var completed: [String] = []
        var start = chunk.startIndex
        while let newline = chunk[start...].firstIndex(of: 0x0A) {
            take(chunk[start..<newline])
            completed.append(finishLine())
            start = chunk.index(after: newline)
        }
        take(chunk[start...])
        return completed
    }

    /// At most `linesMax` lines, oldest first; an unterminated last line counts as one.
    package var snapshot: [String] {
        var result = Array(lines[next...] + lines[..<next])
        if !partial.isEmpty || partialTruncated {
            result.append(Self.text(partial, truncated: partialTruncated))
            if result.count > linesMax { result.removeFirst() }
        }
        return result
    }

    private mutating func take(_ bytes: some Collection<UInt8>) {
        let room = lineBytesMax - partial.count
        if bytes.count > room { partialTruncated = true }
        partial.append(contentsOf: bytes.prefix(max(room, 0)))
    }

    private mutating func finishLine() -> String {
        if partial.last == 0x0D && !partialTruncated { partial.removeLast() }
        let line = Self.text(partial, truncated: partialTruncated)
        partial.removeAll(keepingCapacity: true)
        partialTruncated = false
        if lines.count < linesMax {
            lines.append(line)
        } else {
            lines[next] = line
            next = (next + 1) % linesMax
        }
        return line
    }

    private static func text(_ bytes: [UInt8], truncated: Bool) -> String {
        String(decoding: bytes, as: UTF8.self) + (truncated ? "…" : "")
    }
}
