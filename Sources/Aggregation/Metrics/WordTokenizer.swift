/// jiwer's default word transform (`wer_default`), on UTF-8 bytes:
/// `RemoveMultipleSpaces` (every run of two or more whitespace characters becomes one space),
/// `Strip`, then `split(" ")` dropping empty strings. So words are separated by a space or by a run
/// of two or more whitespace characters; a lone tab or no-break space between two words stays
/// inside the word, as in jiwer. Case and punctuation are kept.
enum WordTokenizer {
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var wordStart = -1
        var index = 0
        while index < bytes.count {
            let length = PythonWhitespace.length(bytes, at: index)
            if length == 0 {
                if wordStart < 0 { wordStart = index }
                index += 1
                continue
            }
            var end = index + length
            var runCount = 1
            while end < bytes.count {
                let next = PythonWhitespace.length(bytes, at: end)
                if next == 0 { break }
                end += next
                runCount += 1
            }
            let separates = runCount >= 2 || bytes[index] == 0x20 || index == 0 || end == bytes.count
            if separates {
                if wordStart >= 0 { body(UnsafeBufferPointer(rebasing: bytes[wordStart..<index])) }
                wordStart = -1
            }
            index = end
        }
        if wordStart >= 0 { body(UnsafeBufferPointer(rebasing: bytes[wordStart..<bytes.count])) }
    }
}
