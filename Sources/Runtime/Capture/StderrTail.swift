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
    package mutating func append(_ chunk: [UInt8]) -> [String] {
        chunk.withUnsafeBufferPointer { append($0) }
    }

    package mutating func append(_ chunk: ArraySlice<UInt8>) -> [String] {
        chunk.withUnsafeBufferPointer { append($0) }
    }

    package mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) -> [String] {
        var completed: [String] = []
        var start = 0
        var index = 0
        while index < chunk.count {
            if chunk[index] == 0x0A {
                take(UnsafeBufferPointer(rebasing: chunk[start..<index]))
                completed.append(finishLine())
                start = index + 1
            }
            index += 1
        }
        take(UnsafeBufferPointer(rebasing: chunk[start..<chunk.count]))
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

    private mutating func take(_ bytes: UnsafeBufferPointer<UInt8>) {
        let room = lineBytesMax - partial.count
        if bytes.count > room { partialTruncated = true }
        partial.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[0..<min(max(room, 0), bytes.count)]))
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
