/// The simulator's one queue: a binary min-heap ordered by (time, insertion sequence), so events at
/// the same virtual time run in the order they were scheduled (STYLE rule 7). Not a `Sequence`.
package struct EventQueue: Sendable {
    package struct Entry: Sendable {
        package var timeMs: UInt64
        package var sequence: UInt64
        package var event: SimEvent

        func precedes(_ other: Entry) -> Bool { (timeMs, sequence) < (other.timeMs, other.sequence) }
    }

    private var storage: [Entry] = []
    private var nextSequence: UInt64 = 0
    /// Bound on pending events; going past it is a runaway scenario (precondition).
    package let capacity: Int

    package init(capacity: Int = 50_000_000) { self.capacity = capacity }

    package var count: Int { storage.count }
    package var isEmpty: Bool { storage.isEmpty }
    package var nextTimeMs: UInt64? { storage.first?.timeMs }
    /// Sequence numbers handed out so far (every event ever scheduled).
    package var scheduledCount: UInt64 { nextSequence }

    package mutating func schedule(_ event: SimEvent, atMs: UInt64) {
        precondition(storage.count < capacity, "event queue over \(capacity) entries")
        storage.append(Entry(timeMs: atMs, sequence: nextSequence, event: event))
        nextSequence += 1
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child].precedes(storage[parent]) else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    package mutating func pop() -> Entry? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let entry = storage.removeLast()
        var parent = 0
        let count = storage.count
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < count && storage[left].precedes(storage[smallest]) { smallest = left }
            if right < count && storage[right].precedes(storage[smallest]) { smallest = right }
            if smallest == parent { break }
            storage.swapAt(parent, smallest)
            parent = smallest
        }
        return entry
    }
}
