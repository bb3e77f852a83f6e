/// Sentence pairs turned into interned token ids, then aligned pair by pair.
struct TokenizedCorpus {
    let unit: ErrorRateReport.Unit
    var interner = TokenInterner()
    var referenceIDs: [Int32] = []
    var referenceOffsets: [Int] = [0]
    var hypothesisIDs: [Int32] = []
    var hypothesisOffsets: [Int] = [0]

    init(unit: ErrorRateReport.Unit) { self.unit = unit }

    mutating func add(references: [String], hypotheses: [String], options: ErrorRateOptions) throws(AggregationError) {
        guard references.count == hypotheses.count else {
            throw AggregationError(
                code: .countMismatch,
                detail: "\(references.count) reference and \(hypotheses.count) hypothesis sentences")
        }
        var normalization = options.normalization
        // Characters are already single tokens: splitting CJK would only add spaces to count.
        if unit == .character { normalization.splitsCJK = false }
        for index in references.indices {
            var ids = referenceIDs
            referenceIDs = []
            appendTokens(of: normalization.apply(references[index]), to: &ids)
            referenceIDs = ids
            referenceOffsets.append(referenceIDs.count)
            if referenceOffsets[index + 1] == referenceOffsets[index], !options.allowsEmptyReferences {
                throw AggregationError(
                    code: .emptyReference, detail: "reference sentence \(index + 1) is empty", sentenceIndex: index)
            }
            ids = hypothesisIDs
            hypothesisIDs = []
            appendTokens(of: normalization.apply(hypotheses[index]), to: &ids)
            hypothesisIDs = ids
            hypothesisOffsets.append(hypothesisIDs.count)
        }
    }

    private mutating func appendTokens(of text: String, to ids: inout [Int32]) {
        var text = text
        text.withUTF8 { bytes in
            switch unit {
            case .word:
                WordTokenizer.forEachWord(in: bytes) { ids.append(interner.intern($0)) }
            case .character:
                forEachStrippedScalar(in: bytes) { ids.append(interner.intern($0)) }
            }
        }
    }

    /// `str.strip()` then one token per scalar (its UTF-8 bytes).
    private func forEachStrippedScalar(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = 0
        var end = bytes.count
        while start < end {
            let length = PythonWhitespace.length(bytes, at: start)
            if length == 0 { break }
            start += length
        }
        while end > start {
            var lead = end - 1
            while lead > start, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard PythonWhitespace.length(bytes, at: lead) == end - lead else { break }
            end = lead
        }
        var index = start
        while index < end {
            let lead = bytes[index]
            let length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            body(UnsafeBufferPointer(rebasing: bytes[index..<Swift.min(end, index + length)]))
            index += length
        }
    }

    func align() -> ErrorRateReport {
        var aligner = LevenshteinAligner()
        var counts = ErrorCounts()
        var operations: [EditOperation] = []
        var chunks: [AlignmentChunk] = []
        var chunkOffsets = [0]
        chunks.reserveCapacity(referenceOffsets.count * 2)
        let alphabetSize = interner.count
        referenceIDs.withUnsafeBufferPointer { references in
            hypothesisIDs.withUnsafeBufferPointer { hypotheses in
                for sentence in 0..<(referenceOffsets.count - 1) {
                    let reference = UnsafeBufferPointer(rebasing: references[referenceOffsets[sentence]..<referenceOffsets[sentence + 1]])
                    let hypothesis = UnsafeBufferPointer(rebasing: hypotheses[hypothesisOffsets[sentence]..<hypothesisOffsets[sentence + 1]])
                    operations.removeAll(keepingCapacity: true)
                    aligner.editOperations(reference: reference, hypothesis: hypothesis, alphabetSize: alphabetSize, into: &operations)
                    counts = counts + Self.count(operations, referenceCount: reference.count, hypothesisCount: hypothesis.count)
                    AlignmentChunk.chunks(operations[...], referenceCount: reference.count, hypothesisCount: hypothesis.count, into: &chunks)
                    chunkOffsets.append(chunks.count)
                }
            }
        }
        var tokens: [String] = []
        tokens.reserveCapacity(alphabetSize)
        for id in 0..<alphabetSize { tokens.append(interner.token(Int32(id))) }
        return ErrorRateReport(
            unit: unit, counts: counts, tokens: tokens, referenceIDs: referenceIDs, referenceOffsets: referenceOffsets,
            hypothesisIDs: hypothesisIDs, hypothesisOffsets: hypothesisOffsets, chunkStore: chunks, chunkOffsets: chunkOffsets)
    }

    static func count(_ operations: [EditOperation], referenceCount: Int, hypothesisCount: Int) -> ErrorCounts {
        var counts = ErrorCounts()
        for operation in operations {
            switch operation.kind {
            case .substitute: counts.substitutions += 1
            case .delete: counts.deletions += 1
            case .insert: counts.insertions += 1
            }
        }
        counts.hits = referenceCount - counts.substitutions - counts.deletions
        counts.referenceLength = referenceCount
        counts.hypothesisLength = hypothesisCount
        return counts
    }
}
