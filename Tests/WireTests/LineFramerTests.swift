import Testing
import Wire

enum FramerFixture {
    static let maxLineBytes = 40

    /// A stream exercising every framing rule with `maxLineBytes` = 40.
    static let stream: [UInt8] = {
        var text = ""
        text += #"{"a":1}"# + "\n"
        text += #"{"crlf":true}"# + "\r\n"
        text += "\n\n \t \r\n\r\n"                                  // empty and whitespace-only lines
        text += "\"raw \u{2028} and \u{2029} separators\"\n"
        text += "\"é 中文 😀 split across chunks\"\n"
        text += String(repeating: "x", count: 41) + "\n"           // oversized by one byte
        text += #"{"after":"oversized"}"# + "\n"                   // resynchronised
        text += String(repeating: "y", count: 40) + "\r\n"         // exactly the maximum, plus CR
        text += String(repeating: "z", count: 300) + "\r\n"        // far oversized
        text += "\r\r\n"                                           // only CRs
        text += "[1,2]\r\r\n"                                      // only one CR is stripped
        text += #"{"tail":"#                                       // truncated
        return Array(text.utf8)
    }()

    /// The events computed the obvious way: split everything on `\n`, then classify each piece.
    static func reference(_ stream: [UInt8], maxLineBytes: Int) -> [FrameEvent] {
        var pieces = stream.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        let tail = pieces.removeLast()
        var events: [FrameEvent] = []
        for piece in pieces {
            let line = piece.last == 0x0D ? Array(piece.dropLast()) : piece
            if line.count > maxLineBytes {
                events.append(.oversized(byteCount: piece.count))
            } else if !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                events.append(.line(line))
            }
        }
        if tail.count - (tail.last == 0x0D ? 1 : 0) > maxLineBytes {
            events.append(.oversized(byteCount: tail.count))
        } else if !tail.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
            events.append(.truncated(byteCount: tail.count))
        }
        return events
    }

    static func frame(_ stream: [UInt8], chunkBytes: Int, maxLineBytes: Int) -> (events: [FrameEvent], bufferedMax: Int) {
        var framer = LineFramer(maxLineBytes: maxLineBytes)
        var events: [FrameEvent] = []
        var bufferedMax = 0
        var start = 0
        while start < stream.count {
            let end = min(start + chunkBytes, stream.count)
            events += framer.append(stream[start..<end])
            bufferedMax = max(bufferedMax, framer.bufferedByteCount)
            start = end
        }
        if let last = framer.finish() { events.append(last) }
        return (events, bufferedMax)
    }
}

@Suite("Line framer")
struct LineFramerTests {
    @Test("any chunking yields the reference split", arguments: [1, 2, 3, 5, 7, 64, 4096])
    func chunking(chunkBytes: Int) {
        let expected = FramerFixture.reference(FramerFixture.stream, maxLineBytes: FramerFixture.maxLineBytes)
        let framed = FramerFixture.frame(FramerFixture.stream, chunkBytes: chunkBytes, maxLineBytes: FramerFixture.maxLineBytes)
        #expect(framed.events == expected)
        #expect(framed.bufferedMax <= FramerFixture.maxLineBytes + 1)
    }

    @Test("the fixture's events are the ones the rules promise")
    func fixtureEvents() {
        let framed = FramerFixture.frame(FramerFixture.stream, chunkBytes: 3, maxLineBytes: FramerFixture.maxLineBytes)
        let lines: [FrameEvent] = [
            .line(Array(#"{"a":1}"#.utf8)),
            .line(Array(#"{"crlf":true}"#.utf8)),
            .line(Array("\"raw \u{2028} and \u{2029} separators\"".utf8)),
            .line(Array("\"é 中文 😀 split across chunks\"".utf8)),
            .oversized(byteCount: 41),
            .line(Array(#"{"after":"oversized"}"#.utf8)),
            .line(Array(String(repeating: "y", count: 40).utf8)),
            .oversized(byteCount: 301),
            .line(Array("[1,2]\r".utf8)),
            .truncated(byteCount: 8),
        ]
        #expect(framed.events == lines)
    }

    @Test("an oversized line without a newline is reported once, at finish, and memory stays bounded")
    func oversizedAtEnd() {
        var framer = LineFramer(maxLineBytes: 10)
        var events: [FrameEvent] = []
        for _ in 0..<100 {
            events += framer.append(Array(repeating: UInt8(ascii: "a"), count: 7))
            #expect(framer.bufferedByteCount <= 11)
        }
        #expect(events == [])
        #expect(framer.finish() == .oversized(byteCount: 700))
        #expect(framer.finish() == nil)
        #expect(framer.append(Array("ok\n".utf8)) == [.line(Array("ok".utf8))])
    }

    @Test("a whitespace-only tail is not reported as truncated")
    func blankTail() {
        var framer = LineFramer()
        #expect(framer.append(Array("1\n \t\r".utf8)) == [.line([0x31])])
        #expect(framer.finish() == nil)
    }

    @Test("the allocation-free form hands out the same lines")
    func viewForm() {
        var framer = LineFramer()
        var lines: [[UInt8]] = []
        Array("a\nbb\r\ncc".utf8).withUnsafeBytes { chunk in
            framer.append(chunk) { view in
                if case .line(let bytes) = view { lines.append(Array(bytes)) }
            }
        }
        #expect(lines == [Array("a".utf8), Array("bb".utf8)])
        #expect(framer.finish() == .truncated(byteCount: 2))
    }

    @Test("long lines hit the eight-byte newline scan at every alignment", arguments: 0..<9)
    func alignment(prefix: Int) {
        let line = Array(repeating: UInt8(ascii: "q"), count: 20 + prefix)
        var stream = line + [0x0A] + line + [0x0A]
        stream.insert(contentsOf: Array(repeating: 0x20, count: prefix), at: 0)
        var framer = LineFramer()
        let expected = Array(repeating: UInt8(0x20), count: prefix) + line
        #expect(framer.append(stream) == [.line(expected), .line(line)])
    }
}

@Suite("Line framer memory bound")
struct LineFramerMemoryTests {
    @Test("a partial line is held only up to the limit, plus a trailing CR that does not count")
    func strictBound() {
        var framer = LineFramer(maxLineBytes: 4)
        #expect(framer.append(Array("abcd".utf8)) == [])
        #expect(framer.bufferedByteCount == 4)
        #expect(framer.append(Array("\r".utf8)) == [])
        #expect(framer.bufferedByteCount == 5)
        #expect(framer.append(Array("\n".utf8)) == [.line(Array("abcd".utf8))])
        #expect(framer.append(Array("abcd".utf8)) == [])
        #expect(framer.append(Array("e".utf8)) == [])
        #expect(framer.bufferedByteCount == 0)
        #expect(framer.append(Array("f\nok\n".utf8)) == [.oversized(byteCount: 6), .line(Array("ok".utf8))])
        #expect(framer.append(Array("abcd\r".utf8)) == [])
        #expect(framer.append(Array("x\n".utf8)) == [.oversized(byteCount: 6)])
        #expect(framer.append(Array("abc".utf8) + [0x0D]) == [])
        #expect(framer.append(Array("\r\n".utf8)) == [.line(Array("abc\r".utf8))])
        #expect(framer.append(Array("abcde".utf8)) == [])
        #expect(framer.bufferedByteCount == 0)
        #expect(framer.finish() == .oversized(byteCount: 5))
    }

    @Test("every chunking of a stream of lines near the limit matches the reference",
          arguments: [1, 2, 3, 4, 5, 6, 9])
    func nearLimit(chunkBytes: Int) {
        var stream: [UInt8] = []
        for length in 0...7 {
            stream += Array(repeating: UInt8(ascii: "a") + UInt8(length), count: length) + [0x0A]
            stream += Array(repeating: UInt8(ascii: "a") + UInt8(length), count: length) + [0x0D, 0x0A]
            stream += Array(repeating: UInt8(ascii: "a") + UInt8(length), count: length) + [0x0D, 0x0D, 0x0A]
        }
        stream += Array("abcde\r".utf8)
        let framed = FramerFixture.frame(stream, chunkBytes: chunkBytes, maxLineBytes: 5)
        #expect(framed.events == FramerFixture.reference(stream, maxLineBytes: 5))
        #expect(framed.bufferedMax <= 6)
    }
}
