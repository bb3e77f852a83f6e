/// Values keyed by ids that are allocated in increasing order (tasks, jobs), stored in an array so
/// lookups do not hash. Removed entries leave nil slots; leading nil slots are dropped, so memory is
/// proportional to the id span from the oldest kept entry to the newest.
package struct DenseTable<Value: Sendable>: Sendable {
    private var slots: [Value?] = []
    /// Id of `slots[head]`.
    private var headID: UInt64 = 1
    private var head = 0
    package private(set) var count = 0

    package init() {}

    @inline(__always) private func index(_ id: UInt64) -> Int? {
        guard id >= headID else { return nil }
        let index = head + Int(id - headID)
        return index < slots.count ? index : nil
    }

    /// In-place access to an existing entry; setting an absent id inserts it (ids at or past the
    /// oldest kept one only). The getter is always inlined, so `table[id]!.field` copies only that
    /// field, not the whole value (an out-of-line getter or `_read` coroutine copies it all).
    package subscript(id: UInt64) -> Value? {
        @inline(__always) get {
            guard let index = index(id) else { return nil }
            return slots[index]
        }
        _modify {
            if let index = index(id) {
                let had = slots[index] != nil
                yield &slots[index]
                count += (slots[index] != nil ? 1 : 0) - (had ? 1 : 0)
                if had && slots[index] == nil { trim() }
            } else {
                var absent: Value?
                yield &absent
                if let absent { insert(absent, at: id) }
            }
        }
    }

    /// Mutates the value of `id`, which must have one, in place. The hot paths use this rather than
    /// the subscript: `_modify` is a coroutine whose frame (it nests the array's own accessor) is
    /// heap-allocated on every call, while this is an ordinary call that inlines away.
    @inline(__always)
    package mutating func update<Result>(_ id: UInt64, _ body: (inout Value) -> Result) -> Result {
        guard let index = index(id) else { preconditionFailure("no value for id \(id)") }
        return slots.withUnsafeMutableBufferPointer { body(&$0[index]!) }
    }

    /// Adds a value for an id that has none (precondition), without the read-then-write of
    /// `table[id] = value`.
    package mutating func insertNew(_ value: consuming Value, at id: UInt64) {
        precondition(!contains(id), "id \(id) inserted twice")
        insert(value, at: id)
    }

    /// Drops the value of `id`, if any.
    package mutating func remove(_ id: UInt64) {
        guard contains(id), let index = index(id) else { return }
        slots[index] = nil
        count -= 1
        trim()
    }

    /// Whether `id` has a value (reads only the slot's tag).
    package func contains(_ id: UInt64) -> Bool {
        guard let index = index(id) else { return false }
        return slots.withUnsafeBufferPointer { $0[index] != nil }
    }

    private mutating func insert(_ value: consuming Value, at id: UInt64) {
        precondition(id >= headID, "id \(id) is older than the oldest kept (\(headID))")
        if slots.count == head { headID = id }  // empty: start at this id
        let index = head + Int(id - headID)
        if index == slots.count {
            slots.append(value)
        } else {
            if index > slots.count { slots.append(contentsOf: repeatElement(nil, count: index - slots.count + 1)) }
            slots[index] = value
        }
        count += 1
    }

    /// Drops leading nil slots and compacts the storage now and then.
    private mutating func trim() {
        while head < slots.count && slots[head] == nil {
            head += 1
            headID += 1
        }
        if head > 1_024 && head * 2 > slots.count {
            slots.removeFirst(head)
            head = 0
        }
    }

    /// Kept values in id order.
    package var all: [Value] { slots[head...].compactMap { $0 } }
}
