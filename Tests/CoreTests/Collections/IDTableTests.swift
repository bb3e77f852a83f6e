import Core
import Testing
import Wire

@Suite("ID table")
struct IDTableTests {
    @Test("sets, replaces, reads and removes values by id")
    func basics() {
        var table = IDTable<RequestID, String>()
        #expect(table.isEmpty && table[RequestID(1)] == nil)
        table[RequestID(1)] = "a"
        table[RequestID(2)] = "b"
        #expect(table.updateValue("B", forKey: RequestID(2)) == "b")
        #expect(table.count == 2 && table[RequestID(2)] == "B")
        #expect(table.removeValue(forKey: RequestID(1)) == "a")
        #expect(table.removeValue(forKey: RequestID(1)) == nil)
        table[RequestID(2)] = nil
        #expect(table.isEmpty && table.keys.isEmpty && table.values.isEmpty)
    }

    /// Random inserts and removals (ids drawn from a window that slides like in-flight requests,
    /// so probe runs wrap, collide and grow) must agree with a Dictionary after every step.
    @Test("agrees with a Dictionary under random inserts and removals", arguments: [1, 2, 3, 4] as [UInt64])
    func matchesDictionary(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var table = IDTable<RequestID, UInt64>()
        var reference: [RequestID: UInt64] = [:]
        var base: UInt64 = 1
        for step in 0..<20_000 as Range<UInt64> {
            let key = RequestID(base + generator.below(UInt64(200)))
            if generator.below(3) == 0 {
                #expect(table.removeValue(forKey: key) == reference.removeValue(forKey: key), "seed \(seed)")
            } else {
                #expect(table.updateValue(step, forKey: key) == reference.updateValue(step, forKey: key), "seed \(seed)")
            }
            if generator.below(4) == 0 { base += 1 }
            #expect(table.count == reference.count, "seed \(seed)")
        }
        #expect(table.sortedKeys == reference.keys.sorted(), "seed \(seed)")
        for (key, value) in reference { #expect(table[key] == value, "seed \(seed)") }
        #expect(table.values.sorted() == reference.values.sorted(), "seed \(seed)")
    }
}
