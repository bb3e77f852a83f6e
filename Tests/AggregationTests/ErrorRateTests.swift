import Aggregation
import Testing

@Suite("Error rates match jiwer 4 exactly")
struct ErrorRateTests {
    @Test("word measures and the S/D/I split equal jiwer's", arguments: JiwerFixtures.cases)
    func words(_ fixture: JiwerCase) throws {
        let report = try ErrorRate.words(references: fixture.references, hypotheses: fixture.hypotheses)
        let counts = report.counts
        #expect(counts.errorRate == fixture.wer)
        #expect(counts.matchErrorRate == fixture.mer)
        #expect(counts.wordInformationLost == fixture.wil)
        #expect(counts.wordInformationPreserved == fixture.wip)
        #expect(counts.hits == fixture.words.hits)
        #expect(counts.substitutions == fixture.words.substitutions)
        #expect(counts.deletions == fixture.words.deletions)
        #expect(counts.insertions == fixture.words.insertions)
    }

    @Test("character measures equal jiwer's (Unicode scalars, spaces included)", arguments: JiwerFixtures.cases)
    func characters(_ fixture: JiwerCase) throws {
        let report = try ErrorRate.characters(references: fixture.references, hypotheses: fixture.hypotheses)
        #expect(report.errorRate == fixture.cer)
        #expect(report.counts.hits == fixture.characters.hits)
        #expect(report.counts.substitutions == fixture.characters.substitutions)
        #expect(report.counts.deletions == fixture.characters.deletions)
        #expect(report.counts.insertions == fixture.characters.insertions)
    }

    @Test("an empty reference line is an error naming the line")
    func emptyReference() {
        #expect {
            _ = try ErrorRate.words(references: ["a b", "  "], hypotheses: ["a b", "c"])
        } throws: { error in
            let error = error as? AggregationError
            return error?.code == .emptyReference && error?.sentenceIndex == 1
        }
    }

    @Test("jiwer 4's empty-reference arithmetic is available on request")
    func emptyReferenceAllowed() throws {
        var options = ErrorRateOptions()
        options.allowsEmptyReferences = true
        // jiwer 4.0.0: process_words(['a', ''], ['a', 'b']) → wer 1.0, mer 0.5, wip 0.5, H1 I1.
        let pooled = try ErrorRate.words(references: ["a", ""], hypotheses: ["a", "b"], options: options)
        #expect(pooled.counts.errorRate == 1.0)
        #expect(pooled.counts.matchErrorRate == 0.5)
        #expect(pooled.counts.wordInformationPreserved == 0.5)
        // process_words('', 'a b') → wer 2 (the insertions), mer 1, wip 0.
        let allEmpty = try ErrorRate.words(reference: "", hypothesis: "a b", options: options)
        #expect(allEmpty.counts.errorRate == 2)
        #expect(allEmpty.counts.matchErrorRate == 1)
        #expect(allEmpty.counts.wordInformationPreserved == 0)
    }

    @Test("different numbers of references and hypotheses are rejected")
    func countMismatch() {
        #expect(throws: AggregationError(code: .countMismatch, detail: "2 reference and 1 hypothesis sentences")) {
            _ = try ErrorRate.words(references: ["a", "b"], hypotheses: ["a"])
        }
    }

    @Test("the normaliser lowercases, drops punctuation and splits CJK")
    func normalization() throws {
        var options = ErrorRateOptions()
        options.normalization = .standard
        // jiwer with ToLowerCase + RemovePunctuation + default transform: wer 0.0, hits 2.
        let english = try ErrorRate.words(reference: "  Hello,   World! ", hypothesis: "hello world", options: options)
        #expect(english.counts.errorRate == 0)
        #expect(english.counts.hits == 2)
        let chinese = try ErrorRate.words(reference: "我爱北京天安门", hypothesis: "我爱南京天安门", options: options)
        #expect(chinese.counts.hits == 6)
        #expect(chinese.counts.substitutions == 1)
        #expect(chinese.referenceTokens(sentence: 0) == ["我", "爱", "北", "京", "天", "安", "门"])
    }

    @Test("alignment chunks follow rapidfuzz's opcodes")
    func chunks() throws {
        let report = try ErrorRate.words(reference: "quite a bit of longer sentence", hypothesis: "quite bit of an even longest sentence here")
        let kinds = report.chunks(sentence: 0).map { "\($0.kind.rawValue) \($0.referenceRange) \($0.hypothesisRange)" }
        #expect(kinds == [
            "equal 0..<1 0..<1", "delete 1..<2 1..<1", "equal 2..<4 1..<3", "insert 4..<4 3..<5",
            "substitute 4..<5 5..<6", "equal 5..<6 6..<7", "insert 6..<6 7..<8",
        ])
    }

    @Test("lowercasing follows Python, final sigma included")
    func pythonLowercase() throws {
        var options = ErrorRateOptions()
        options.normalization.lowercases = true
        // Python: "ΟΔΟΣ ΣΑΣ İx".lower() == "οδος σας i̇x".
        let report = try ErrorRate.words(reference: "ΟΔΟΣ ΣΑΣ İx", hypothesis: "", options: options)
        #expect(report.referenceTokens(sentence: 0) == ["\u{3BF}\u{3B4}\u{3BF}\u{3C2}", "\u{3C3}\u{3B1}\u{3C2}", "i\u{307}x"])
    }
}
