import Aggregation
import Testing
import Wire

@Suite("Alignment text is jiwer's visualize_alignment")
struct AlignmentTextTests {
    @Test("word alignment with the summary, byte for byte")
    func words() throws {
        let report = try ErrorRate.words(
            references: ["short one here", "quite a bit of longer sentence"],
            hypotheses: ["shoe order one", "quite bit of an even longest sentence here"])
        // jiwer 4.0.0 visualize_alignment(process_words(...)).
        let expected = "=== SENTENCE 1 ===\n\nREF: **** short one here\nHYP: shoe order one ****\n        I     S        D\n\n"
            + "=== SENTENCE 2 ===\n\nREF: quite a bit of ** ****  longer sentence ****\n"
            + "HYP: quite * bit of an even longest sentence here\n           D         I    I       S             I\n\n"
            + "=== SUMMARY ===\nnumber of sentences: 2\nsubstitutions=2 deletions=2 insertions=4 hits=5\n\n"
            + "mer=61.54%\nwil=74.75%\nwip=25.25%\nwer=88.89%\n"
        #expect(AlignmentText.render(report) == expected)
    }

    @Test("character alignment has no separators")
    func characters() throws {
        let report = try ErrorRate.characters(reference: "我爱北京", hypothesis: "我爱南京京")
        let expected = "=== SENTENCE 1 ===\n\nREF: 我爱*北京\nHYP: 我爱南京京\n       IS \n\n"
            + "=== SUMMARY ===\nnumber of sentences: 1\nsubstitutions=1 deletions=0 insertions=1 hits=3\n\ncer=50.00%\n"
        #expect(AlignmentText.render(report) == expected)
    }

    @Test("widths count Unicode scalars, and a literal * token is starred like jiwer")
    func widths() throws {
        let report = try ErrorRate.words(reference: "caf\u{E9} au lait *", hypothesis: "cafe\u{301} lait x")
        let expected = "=== SENTENCE 1 ===\n\nREF:  caf\u{E9} au lait *\nHYP: cafe\u{301} ** lait x\n         S  D      S\n"
        #expect(AlignmentText.render(report, showMeasures: false) == expected)
    }

    @Test("JSON measures carry the CLI's keys")
    func measures() throws {
        let report = try ErrorRate.words(reference: "a b c", hypothesis: "a x c d")
        let json = AlignmentText.measuresJSON(report)
        #expect(json.objectValue?.keys == ["wer", "mer", "wil", "wip", "hits", "substitutions", "deletions", "insertions"])
        #expect(json["wer"]?.doubleValue == 2.0 / 3.0)
        #expect(json["insertions"]?.intValue == 1)
        let alignment = AlignmentText.alignmentJSON(report)
        #expect(alignment["sentences"]?.arrayValue?.first?["chunks"]?.arrayValue?.count == 4)
    }

    @Test("a line width wraps rows as jiwer does")
    func wrapping() throws {
        let words = try ErrorRate.words(
            reference: "This is a very long sentence that is much longer than the previous one or the one before that",
            hypothesis: "This is a very loong sentence that is not much longer than the previous one or one before that")
        // jiwer 4.0.0 visualize_alignment(..., line_width=80).
        let expected = "=== SENTENCE 1 ===\n\nREF: This is a very  long sentence that is *** much longer than the previous one\n"
            + "HYP: This is a very loong sentence that is not much longer than the previous one\n"
            + "                        S                    I                                  \n\n"
            + "REF: or the one before that\nHYP: or *** one before that\n          D                \n\n"
            + "=== SUMMARY ===\nnumber of sentences: 1\nsubstitutions=1 deletions=1 insertions=1 hits=17\n\n"
            + "mer=15.00%\nwil=19.94%\nwip=80.06%\nwer=15.79%\n"
        #expect(AlignmentText.render(words, lineWidth: 80) == expected)
        let characters = try ErrorRate.characters(reference: "abcdefghij klmnop", hypothesis: "abXdefghij klmnopq")
        let expectedCharacters = "=== SENTENCE 1 ===\n\nREF: abcdefg\nHYP: abXdefg\n       S    \n\n"
            + "REF: hij klm\nHYP: hij klm\n            \n\nREF: nop*\nHYP: nopq\n        I\n"
        #expect(AlignmentText.render(characters, showMeasures: false, lineWidth: 12) == expectedCharacters)
    }
}
