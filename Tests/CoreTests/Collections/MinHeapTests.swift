import Core
import Testing
import Wire

@Suite("Min heap")
struct MinHeapTests {
    /// Interleaved pushes and pops (duplicates included) must pop exactly what a sorted list would.
    @Test("pops in ascending order under interleaved pushes and pops", arguments: [1, 2, 3] as [UInt64])
    func ordered(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var heap = MinHeap<Int>()
        var reference: [Int] = []
        for _ in 0..<5_000 {
            if generator.below(3) == 0 {
                let expected = reference.isEmpty ? nil : reference.removeFirst()
                #expect(heap.pop() == expected, "seed \(seed)")
            } else {
                let value = generator.below(1_000)
                heap.push(value)
                reference.insert(value, at: reference.firstIndex { $0 > value } ?? reference.count)
            }
            #expect(heap.count == reference.count && heap.top == reference.first, "seed \(seed)")
        }
        var rebuilt = MinHeap(heap.unordered)
        while let value = rebuilt.pop() { #expect(value == reference.removeFirst(), "seed \(seed)") }
        #expect(reference.isEmpty)
    }
}
