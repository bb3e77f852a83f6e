/// The simulator's one queue: a binary min-heap ordered by (time, insertion sequence), so events at
/// the same virtual time run in the order they were scheduled (STYLE rule 7). Not a `Sequence`.
/// The heap holds small keys; the events themselves sit in a slot table, so sifting moves no payloads.
package struct EventQueue: Sendable {
    package struct Entry: Sendable {
        package var timeMs: UInt64
        package var sequence: UInt64
        package var event: SimEvent
    }

    struct Key: Sendable {
        var timeMs: UInt64
        var sequence: UInt64
        var slot: Int32

        func precedes(_ other: Key) -> Bool { (timeMs, sequence) < (other.timeMs, other.sequence) }
    }

    private var heap: [Key] = []
    private var slots: [SimEvent?] = []
    private var freeSlots: [Int32] = []
    private var nextSequence: UInt64 = 0
    /// Bound on pending events; going past it is a runaway scenario (precondition).
    package let capacity: Int

    package init(capacity: Int = 50_000_000) { self.capacity = capacity }

    package var count: Int { heap.count }
    package var isEmpty: Bool { heap.isEmpty }
    package var nextTimeMs: UInt64? { heap.first?.timeMs }
    /// Sequence numbers handed out so far (every event ever scheduled).
    package var scheduledCount: UInt64 { nextSequence }

    package mutating func schedule(_ event: SimEvent, atMs: UInt64) {
        precondition(heap.count < capacity, "event queue over \(capacity) entries")
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            slots[Int(free)] = event
        } else {
            slot = Int32(slots.count)
            slots.append(event)
        }
        heap.append(Key(timeMs: atMs, sequence: nextSequence, slot: slot))
        nextSequence += 1
        var child = heap.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child].precedes(heap[parent]) else { break }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    package mutating func pop() -> Entry? {
        guard !heap.isEmpty else { return nil }
        heap.swapAt(0, heap.count - 1)
        let key = heap.removeLast()
        var parent = 0
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < count && heap[left].precedes(heap[smallest]) { smallest = left }
            if right < count && heap[right].precedes(heap[smallest]) { smallest = right }
            if smallest == parent { break }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
        let event = slots[Int(key.slot)].take()!
        freeSlots.append(key.slot)
        return Entry(timeMs: key.timeMs, sequence: key.sequence, event: event)
    }
}
