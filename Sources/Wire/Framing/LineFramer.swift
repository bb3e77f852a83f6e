/// Splits an NDJSON byte stream into lines, incrementally and with bounded memory.
///
/// Splits only on `\n` (0x0A), strips one trailing `\r`, and skips lines that are empty or only
/// JSON whitespace. A line longer than `maxLineBytes` (not counting a trailing `\r`) is discarded
/// through the next `\n`, reported once as `.oversized`, and framing resumes after it. At most
/// `maxLineBytes` bytes of a partial line are ever buffered (plus its trailing CR, which does not count:
/// SPEC 2.3); lines wholly inside one chunk are handed out without copying.
///
///     var framer = LineFramer()
///     for event in framer.append(chunk) { … }
///     if let tail = framer.finish() { … }   // at EOF
public struct LineFramer: Sendable {
    /// Longest line accepted, in bytes, excluding `\n` and one trailing `\r` (default 8 MiB).
    public var maxLineBytes: Int
    /// The start of a line whose `\n` has not arrived yet.
    private var pending: [UInt8] = []
    /// Bytes discarded so far of an oversized line whose `\n` has not arrived yet.
    private var discardedByteCount: Int?

    public static let maxLineBytesDefault = 8_388_608

    public init(maxLineBytes: Int = LineFramer.maxLineBytesDefault) {
        precondition(maxLineBytes > 0, "maxLineBytes must be positive")
        self.maxLineBytes = maxLineBytes
    }

    /// Bytes of a partial line held until its `\n` arrives (never more than `maxLineBytes`, plus one
    /// when the last is a CR).
    public var bufferedByteCount: Int { pending.count }

    /// Frames `chunk`, calling `body` for each event in order. `.line` bytes are valid only during the call.
    /// If `body` throws, the error propagates and the rest of `chunk` is dropped (lines already handed
    /// out stay consumed).
    public mutating func append(_ chunk: UnsafeRawBufferPointer, _ body: (FrameView) throws -> Void) rethrows {
        var position = 0
        while position < chunk.count {
            guard let newline = Self.firstNewline(in: chunk, from: position) else {
                absorbPartial(UnsafeRawBufferPointer(rebasing: chunk[position...]))
                return
            }
            let piece = UnsafeRawBufferPointer(rebasing: chunk[position..<newline])
            position = newline + 1
            if let discarded = discardedByteCount {
                discardedByteCount = nil
                try body(.oversized(byteCount: discarded + piece.count))
            } else if pending.isEmpty {
                try Self.emit(piece, maxLineBytes: maxLineBytes, body)
            } else if pending.count + piece.count - (Self.endsWithCarriageReturn(pending, piece) ? 1 : 0) > maxLineBytes {
                let byteCount = pending.count + piece.count
                pending = []
                try body(.oversized(byteCount: byteCount))
            } else {
                pending.append(contentsOf: piece)
                try emitPending(body)
            }
        }
    }

    /// Emits the completed line held in `pending` and empties it, even when `body` throws.
    private mutating func emitPending(_ body: (FrameView) throws -> Void) rethrows {
        defer { if pending.capacity > 1 << 16 { pending = [] } else { pending.removeAll(keepingCapacity: true) } }
        try pending.withUnsafeBytes { line in try Self.emit(line, maxLineBytes: maxLineBytes, body) }
    }

    /// Frames `bytes` and returns the events (each line copied out).
    public mutating func append(_ bytes: [UInt8]) -> [FrameEvent] {
        bytes.withUnsafeBytes { chunk in collect(chunk) }
    }

    /// Frames `bytes` and returns the events (each line copied out).
    public mutating func append(_ bytes: ArraySlice<UInt8>) -> [FrameEvent] {
        bytes.withUnsafeBytes { chunk in collect(chunk) }
    }

    private mutating func collect(_ chunk: UnsafeRawBufferPointer) -> [FrameEvent] {
        var events: [FrameEvent] = []
        append(chunk) { view in events.append(view.event) }
        return events
    }

    /// Ends the stream: reports an unterminated oversized line (`.oversized`) or a partial line that
    /// is not only whitespace (`.truncated`), and resets the framer.
    public mutating func finish() -> FrameEvent? {
        defer {
            pending = []
            discardedByteCount = nil
        }
        if let discarded = discardedByteCount { return .oversized(byteCount: discarded) }
        guard !pending.isEmpty, !pending.withUnsafeBytes(Self.isBlank) else { return nil }
        return .truncated(byteCount: pending.count)
    }

    private mutating func absorbPartial(_ rest: UnsafeRawBufferPointer) {
        if let discarded = discardedByteCount {
            discardedByteCount = discarded + rest.count
        } else if pending.count + rest.count - (rest.last == 0x0D ? 1 : 0) > maxLineBytes {
            discardedByteCount = pending.count + rest.count
            pending = []
        } else {
            pending.append(contentsOf: rest)
        }
    }

    /// Whether the line made of `pending` then `piece` ends with a CR (which does not count toward the limit).
    private static func endsWithCarriageReturn(_ pending: [UInt8], _ piece: UnsafeRawBufferPointer) -> Bool {
        piece.isEmpty ? pending.last == 0x0D : piece.last == 0x0D
    }

    private static func emit(
        _ raw: UnsafeRawBufferPointer, maxLineBytes: Int, _ body: (FrameView) throws -> Void
    ) rethrows {
        var line = raw
        if let last = line.last, last == 0x0D { line = UnsafeRawBufferPointer(rebasing: line.dropLast()) }
        if line.count > maxLineBytes { return try body(.oversized(byteCount: raw.count)) }
        if isBlank(line) { return }
        try body(.line(line))
    }

    /// Whether `bytes` holds only space, tab and CR (a line never holds LF).
    private static func isBlank(_ bytes: UnsafeRawBufferPointer) -> Bool {
        for byte in bytes where byte != 0x20 && byte != 0x09 && byte != 0x0D { return false }
        return true
    }

    /// The index of the first `\n` at or after `start`, scanning eight bytes at a time.
    @inline(__always)
    static func firstNewline(in chunk: UnsafeRawBufferPointer, from start: Int) -> Int? {
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let newlines: UInt64 = ones &* 0x0A
        if let base = chunk.baseAddress {
            while index &+ 8 <= chunk.count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self) ^ newlines
                if (word &- ones) & ~word & (ones &* 0x80) != 0 { break }
                index &+= 8
            }
        }
        while index < chunk.count {
            if chunk[index] == 0x0A { return index }
            index &+= 1
        }
        return nil
    }
}
