/// The simulator's one queue, ordered by (time, insertion sequence), so events at the same virtual
/// time run in the order they were scheduled (STYLE rule 7). Not a `Sequence`.
///
/// Two parts hold the pending keys: a binary min-heap, and a backlog sorted once. The first `pop`
/// moves everything scheduled so far (a scenario's client steps and faults: thousands of entries in
/// the big scenarios) into the backlog, so the heap only holds what the run schedules as it goes and
/// stays small. `pop` takes the lesser of the two fronts: the order is exactly the heap's order.
/// Keys are small; the events themselves sit in a slot table, so sifting moves no payloads.
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
    /// Keys sorted by (time, sequence), consumed from `backlogHead`.
    private var backlog: [Key] = []
    private var backlogHead = 0
    private var backlogTaken = false
    private var slots: [SimEvent?] = []
    private var freeSlots: [Int32] = []
    private var nextSequence: UInt64 = 0
    /// Bound on pending events; going past it is a runaway scenario (precondition).
    package let capacity: Int

    package init(capacity: Int = 50_000_000) { self.capacity = capacity }

    package var count: Int { heap.count + backlog.count - backlogHead }
    package var isEmpty: Bool { count == 0 }
    package var nextTimeMs: UInt64? { front?.timeMs }
    /// Sequence numbers handed out so far (every event ever scheduled).
    package var scheduledCount: UInt64 { nextSequence }

    /// The earliest pending key of both parts.
    private var front: Key? {
        let backlogFront = backlogHead < backlog.count ? backlog[backlogHead] : nil
        guard let top = heap.first else { return backlogFront }
        guard let backlogFront else { return top }
        return backlogFront.precedes(top) ? backlogFront : top
    }

    package mutating func schedule(_ event: SimEvent, atMs: UInt64) {
        precondition(count < capacity, "event queue over \(capacity) entries")
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
        if !backlogTaken { takeBacklog() }
        guard let front else { return nil }
        let key: Key
        if backlogHead < backlog.count, backlog[backlogHead].sequence == front.sequence {
            key = backlog[backlogHead]
            backlogHead += 1
            if backlogHead == backlog.count {
                backlog = []
                backlogHead = 0
            }
        } else {
            key = popHeap()
        }
        let event = slots[Int(key.slot)].take()!
        freeSlots.append(key.slot)
        return Entry(timeMs: key.timeMs, sequence: key.sequence, event: event)
    }

    /// Moves the heap's keys into the sorted backlog (once, at the first pop).
    private mutating func takeBacklog() {
        backlogTaken = true
        backlog = heap.sorted { $0.precedes($1) }
        heap = []
    }

    private mutating func popHeap() -> Key {
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
        return key
    }
}
