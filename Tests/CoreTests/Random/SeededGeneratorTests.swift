import Core
import Wire
import Testing

@Suite("Seeded generator (SplitMix64)")
struct SeededGeneratorTests {
    @Test("seed 0 yields the reference SplitMix64 outputs")
    func referenceVector() {
        var generator = SeededGenerator(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("the same seed gives the same sequence", arguments: [1, 42, 0xDEAD_BEEF] as [UInt64])
    func repeatable(seed: UInt64) {
        var first = SeededGenerator(seed: seed)
        var second = SeededGenerator(seed: seed)
        for _ in 0..<100 { #expect(first.next() == second.next(), "seed \(seed)") }
    }

    @Test("below stays under its bound", arguments: [1, 2, 3, 10, 1_000, UInt64.max] as [UInt64])
    func belowBound(bound: UInt64) {
        var generator = SeededGenerator(seed: bound)
        for _ in 0..<1_000 { #expect(generator.below(bound) < bound, "bound \(bound)") }
    }

    @Test("below(0) and below(1) are 0")
    func degenerateBounds() {
        var generator = SeededGenerator(seed: 7)
        #expect(generator.below(0) == 0)
        #expect(generator.below(1) == 0)
    }

    @Test("below maps the high bits: below(2) is the top bit of next()")
    func multiplyHigh() {
        var reference = SeededGenerator(seed: 9)
        var generator = SeededGenerator(seed: 9)
        for _ in 0..<64 { #expect(generator.below(2) == reference.next() >> 63) }
    }
}
