import Aggregation
import Testing
import Wire

@Suite("Weighted and time-mediated alignment")
struct WeightedAlignmentTests {
    static func kinds(_ pairs: [AlignedPair]) -> String {
        pairs.map { pair in
            switch pair.kind {
            case .correct: "C"
            case .substitution: "S"
            case .insertion: "I"
            case .deletion: "D"
            }
        }.joined()
    }

    @Test("sclite costs prefer a substitution (4) over a deletion plus an insertion (6)")
    func scliteCosts() throws {
        let pairs = try WeightedAlignment.align(reference: ["a", "b", "c"], hypothesis: ["a", "x", "c"])
        #expect(Self.kinds(pairs) == "CSC")
    }

    @Test("with substitution dearer than deletion plus insertion, the aligner splits it")
    func customCosts() throws {
        var costs = AlignmentCosts()
        costs.substitution = 7
        let pairs = try WeightedAlignment.align(reference: ["a", "b", "c"], hypothesis: ["a", "x", "c"], costs: costs)
        #expect(Self.kinds(pairs) == "CIDC")
    }

    @Test("ties resolve diagonal first, then deletion, walking back from the end")
    func ties() throws {
        // "a b" vs "b": deleting "a" (3) beats substituting a→b and deleting b (7).
        #expect(Self.kinds(try WeightedAlignment.align(reference: ["a", "b"], hypothesis: ["b"])) == "DC")
        // "a" vs "b c": substitution + insertion (7) either way; the diagonal is taken first from the end.
        // Equal deletion + insertion paths end in the deletion (so it is listed after the insertion).
        #expect(Self.kinds(try WeightedAlignment.align(reference: ["a"], hypothesis: ["b", "c"])) == "IS")
        let counts = WeightedAlignment.counts(try WeightedAlignment.align(reference: ["a"], hypothesis: ["b", "c"]))
        #expect([counts.hits, counts.substitutions, counts.deletions, counts.insertions] == [0, 1, 0, 1])
    }

    @Test("time-mediated alignment pairs the word that is close in time")
    func timed() throws {
        // The hypothesis says "the" twice; only the second one is where the reference's "the" was.
        let reference = [Word(text: "the", startSeconds: 2.0, endSeconds: 2.2), Word(text: "cat", startSeconds: 2.3, endSeconds: 2.6)]
        let hypothesis = [
            Word(text: "the", startSeconds: 0.0, endSeconds: 0.2), Word(text: "the", startSeconds: 2.0, endSeconds: 2.2),
            Word(text: "cat", startSeconds: 2.3, endSeconds: 2.6),
        ]
        let timed = try WeightedAlignment.alignTimed(reference: reference, hypothesis: hypothesis)
        #expect(Self.kinds(timed) == "ICC")
        #expect(timed[1].hypothesisIndex == 1)
        // Plain sclite costs cannot tell the two "the" apart and take the later one only by tie-breaking.
        let plain = try WeightedAlignment.align(reference: ["the", "cat"], hypothesis: ["the", "the", "cat"])
        #expect(Self.kinds(plain) == "ICC")
    }

    @Test("time-mediated costs: far-apart words are dropped rather than paired")
    func timedFarApart() throws {
        let reference = [Word(text: "yes", startSeconds: 0, endSeconds: 0.3)]
        let hypothesis = [Word(text: "no", startSeconds: 5, endSeconds: 5.3)]
        #expect(Self.kinds(try WeightedAlignment.alignTimed(reference: reference, hypothesis: hypothesis)) == "ID")
        let near = [Word(text: "no", startSeconds: 0.05, endSeconds: 0.3)]
        #expect(Self.kinds(try WeightedAlignment.alignTimed(reference: reference, hypothesis: near)) == "S")
    }
}
