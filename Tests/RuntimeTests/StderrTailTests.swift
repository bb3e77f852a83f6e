import Runtime
import Testing

@Suite("Stderr tail")
struct StderrTailTests {
    static let stream = Array("alpha\nbeta\r\ngamma\n\ndelta-is-long\nepsilon".utf8)

    @Test("any chunking yields the same lines and tail", arguments: [1, 2, 3, 7, 64])
    func chunking(chunkBytes: Int) {
        var tail = StderrTail(linesMax: 3, lineBytesMax: 8)
        var completed: [String] = []
        var start = 0
        while start < Self.stream.count {
            completed += tail.append(Self.stream[start..<min(start + chunkBytes, Self.stream.count)])
            start += chunkBytes
        }
        #expect(completed == ["alpha", "beta", "gamma", "", "delta-is…"])
        #expect(tail.snapshot == ["", "delta-is…", "epsilon"])
    }

    @Test("an empty tail is empty, and invalid UTF-8 becomes replacement characters")
    func emptyAndInvalid() {
        var tail = StderrTail(linesMax: 2, lineBytesMax: 16)
        #expect(tail.snapshot == [])
        #expect(tail.append([0x61, 0xFF, 0x62, 0x0A]) == ["a\u{FFFD}b"])
    }
}
