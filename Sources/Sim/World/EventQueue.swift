/// The simulator's one queue, ordered by (time, insertion sequence), so events at the same virtual
/// time run in the order they were scheduled (STYLE rule 7). Not a `Sequence`.
///
/// Two parts hold the pending keys: a 4-ary min-heap, and a backlog sorted once. The first `pop`
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

    /// `order` is the sequence number above `slotBits` bits of slot: sequences are unique, so
    /// ordering by (time, order) is ordering by (time, sequence).
    struct Key: Sendable {
        var timeMs: UInt64
        var order: UInt64

        var sequence: UInt64 { order >> EventQueue.slotBits }
        var slot: Int { Int(truncatingIfNeeded: order & EventQueue.slotMask) }

        @inline(__always)
        func precedes(_ other: Key) -> Bool {
            timeMs < other.timeMs || (timeMs == other.timeMs && order < other.order)
        }
    }

    static let slotBits: UInt64 = 26
    static let slotMask: UInt64 = (1 << slotBits) - 1
    /// Children per heap node: a 4-ary heap is half as deep as a binary one.
    static let arity = 4

    /// A 4-ary min-heap of keys (index 0 the least).
    private var heap: [Key] = []
    /// Keys sorted by (time, sequence), consumed from `backlogHead`.
    private var backlog: [Key] = []
    private var backlogHead = 0
    private var backlogTaken = false
    /// Events by slot; a free slot holds `.liveness` (no payload) until reused.
    private var slots: [SimEvent] = []
    private var freeSlots: [Int32] = []
    private var nextSequence: UInt64 = 0
    /// Bound on pending events; going past it is a runaway scenario (precondition).
    package let capacity: Int

    package init(capacity: Int = 50_000_000) {
        precondition(capacity <= Int(Self.slotMask) + 1, "EventQueue capacity over \(Self.slotMask + 1)")
        self.capacity = capacity
        heap.reserveCapacity(Self.initialRoom)
        slots.reserveCapacity(Self.initialRoom)
        freeSlots.reserveCapacity(Self.initialRoom)
    }

    /// Room reserved at the start (a small run never regrows its tables).
    static let initialRoom = 64

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

    package mutating func schedule(_ event: consuming SimEvent, atMs: UInt64) {
        precondition(count < capacity, "event queue over \(capacity) entries")
        precondition(nextSequence < 1 << (64 - Self.slotBits), "event queue sequence numbers exhausted")
        let slot: Int
        if let free = freeSlots.popLast() {
            slot = Int(free)
            slots[slot] = event
        } else {
            slot = slots.count
            slots.append(event)
        }
        let key = Key(timeMs: atMs, order: nextSequence << Self.slotBits | UInt64(slot))
        nextSequence += 1
        heap.append(key)
        heap.withUnsafeMutableBufferPointer { heap in
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / Self.arity
                guard key.precedes(heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = key
        }
    }

    package mutating func pop() -> Entry? {
        guard !isEmpty else { return nil }
        let (key, event) = popFirst()
        return Entry(timeMs: key.timeMs, sequence: key.sequence, event: event)
    }

    /// Removes the earliest event and returns it with its time; the queue must not be empty.
    /// (The world's loop takes events this way: no `Optional<Entry>` to destroy per event.)
    package mutating func popEarliest() -> (timeMs: UInt64, event: SimEvent) {
        let (key, event) = popFirst()
        return (key.timeMs, event)
    }

    private mutating func popFirst() -> (Key, SimEvent) {
        if !backlogTaken { takeBacklog() }
        guard let front else { preconditionFailure("pop from an empty EventQueue") }
        let key: Key
        if backlogHead < backlog.count, backlog[backlogHead].order == front.order {
            key = backlog[backlogHead]
            backlogHead += 1
            if backlogHead == backlog.count {
                backlog = []
                backlogHead = 0
            }
        } else {
            key = popHeap()
        }
        let slot = key.slot
        let event = slots.withUnsafeMutableBufferPointer { slots in
            let event = (slots.baseAddress! + slot).move()
            (slots.baseAddress! + slot).initialize(to: .liveness)
            return event
        }
        freeSlots.append(Int32(slot))
        return (key, event)
    }

    /// Moves the heap's keys into the sorted backlog (once, at the first pop).
    private mutating func takeBacklog() {
        backlogTaken = true
        backlog = heap.sorted { $0.precedes($1) }
        heap = []
    }

    /// Removes the least key: the last key fills the hole left at the top, sifted down.
    private mutating func popHeap() -> Key {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return last }
        return heap.withUnsafeMutableBufferPointer { heap in
            let top = heap[0]
            let count = heap.count
            var hole = 0
            while true {
                let first = Self.arity * hole + 1
                guard first < count else { break }
                var least = first
                for child in (first + 1)..<min(first + Self.arity, count) where heap[child].precedes(heap[least]) {
                    least = child
                }
                guard heap[least].precedes(last) else { break }
                heap[hole] = heap[least]
                hole = least
            }
            heap[hole] = last
            return top
        }
    }
}
