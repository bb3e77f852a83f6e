import Core
import Testing

@Suite("Dense table")
struct DenseTableTests {
    @Test("inserts, reads, modifies in place and removes by id")
    func basics() {
        var table = DenseTable<String>()
        table[1] = "a"
        table[2] = "b"
        table[4] = "d"  // a gap at 3
        #expect(table.count == 3)
        #expect(table[3] == nil && table[4] == "d" && table[9] == nil)
        table[2]! += "!"
        #expect(table[2] == "b!")
        table[1] = nil
        #expect(table.count == 2 && table[1] == nil)
        #expect(table.all == ["b!", "d"])
    }

    @Test("update mutates an entry in place and returns the body's result; remove drops an entry")
    func updateAndRemove() {
        var table = DenseTable<[Int]>()
        table.insertNew([1], at: 1)
        table.insertNew([2], at: 2)
        let count = table.update(2) { value in
            value.append(3)
            return value.count
        }
        #expect(count == 2 && table[2] == [2, 3])
        table.remove(1)
        table.remove(7)  // absent: nothing happens
        #expect(table.count == 1 && table[1] == nil && table.all == [[2, 3]])
    }

    @Test("removing the oldest entries keeps the rest reachable through compaction")
    func compaction() {
        var table = DenseTable<Int>()
        for id in 1...5_000 as ClosedRange<UInt64> { table[id] = Int(id) }
        for id in 1...4_000 as ClosedRange<UInt64> { table[id] = nil }
        #expect(table.count == 1_000)
        #expect(table[4_001] == 4_001 && table[5_000] == 5_000 && table[4_000] == nil)
        table[5_001] = 5_001
        #expect(table.all.first == 4_001 && table.all.last == 5_001)
    }
}

@Suite("Event log preconditions")
struct EventLogPreconditionTests {
    @Test("an event after a job's final event stops the process")
    func eventAfterFinal() async {
        await #expect(processExitsWith: .failure) {
            var log = EventLog()
            _ = log.append(job: TaskID(1), kind: .taskCompleted, now: 0)
            _ = log.append(job: TaskID(1), kind: .progressOverall(permille: 1), now: 1)
        }
    }
}
