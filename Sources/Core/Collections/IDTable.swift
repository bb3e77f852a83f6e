/// Values keyed by counter ids (requests, tasks) in an open-addressed table: linear probing from a
/// Fibonacci hash of the id, backward-shift deletion (no tombstones). It replaces `Dictionary` where
/// lookups are hot: no `Hasher` (SipHash) per access, no per-process seed. Nothing may iterate it in
/// an order that reaches output: `keys` and `values` are in storage order; `sortedKeys` is ordered.
/// Storage is allocated on the first insert; capacity doubles when half full and never shrinks (it
/// follows the peak number of entries).
package struct IDTable<Key: CounterID, Value: Sendable>: Sendable {
    /// Slot keys; 0 marks an empty slot. Empty until the first insert.
    private var slotKeys: [UInt64] = []
    private var slotValues: [Value?] = []
    /// 64 − log2(capacity): the hash's top bits pick the home slot.
    private var shift: UInt64 = 64
    package private(set) var count = 0

    package init() {}

    static var initialCapacity: Int { 16 }

    package var isEmpty: Bool { count == 0 }

    @inline(__always) private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The slot holding `key`, or nil.
    @inline(__always) private func slot(of key: UInt64) -> Int? {
        guard count > 0 else { return nil }
        let mask = slotKeys.count - 1
        var index = home(key)
        while true {
            let found = slotKeys[index]
            if found == key { return index }
            if found == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    package subscript(key: Key) -> Value? {
        @inline(__always) get { slot(of: key.value).flatMap { slotValues[$0] } }
        set {
            if let newValue { updateValue(newValue, forKey: key) } else { removeValue(forKey: key) }
        }
    }

    /// Sets the value of `key`; returns the value it replaced.
    @discardableResult
    package mutating func updateValue(_ value: Value, forKey key: Key) -> Value? {
        precondition(key.value != 0, "id 0 is never allocated")
        if let index = slot(of: key.value) {
            let old = slotValues[index]
            slotValues[index] = value
            return old
        }
        if (count + 1) * 2 > slotKeys.count { grow() }
        place(key.value, value)
        count += 1
        return nil
    }

    /// Puts a key known to be absent into its first free slot.
    private mutating func place(_ key: UInt64, _ value: Value) {
        let mask = slotKeys.count - 1
        var index = home(key)
        while slotKeys[index] != 0 { index = (index + 1) & mask }
        slotKeys[index] = key
        slotValues[index] = value
    }

    private mutating func grow() {
        let oldKeys = slotKeys
        var oldValues = slotValues
        let capacity = max(Self.initialCapacity, oldKeys.count * 2)
        slotKeys = Array(repeating: 0, count: capacity)
        slotValues = Array(repeating: nil, count: capacity)
        shift = 64 - UInt64(capacity.trailingZeroBitCount)
        for index in oldKeys.indices where oldKeys[index] != 0 { place(oldKeys[index], oldValues[index].take()!) }
    }

    /// Removes `key`; returns its value, nil when absent. Later entries of the probe run move back
    /// into the hole, so lookups never need tombstones.
    @discardableResult
    package mutating func removeValue(forKey key: Key) -> Value? {
        guard var hole = slot(of: key.value) else { return nil }
        let removed = slotValues[hole].take()
        let mask = slotKeys.count - 1
        var next = (hole + 1) & mask
        while slotKeys[next] != 0 {
            let home = home(slotKeys[next])
            // Movable iff the hole lies on its probe path (home … next).
            if (hole &- home) & mask < (next &- home) & mask {
                slotKeys.swapAt(hole, next)
                slotValues.swapAt(hole, next)
                hole = next
            }
            next = (next + 1) & mask
        }
        slotKeys[hole] = 0
        count -= 1
        return removed
    }

    /// The keys in storage order (unspecified: sort before anything reaches output).
    package var keys: [Key] {
        var keys: [Key] = []
        keys.reserveCapacity(count)
        for key in slotKeys where key != 0 { keys.append(Key(key)) }
        return keys
    }

    package var sortedKeys: [Key] {
        var keys = keys
        keys.sort()
        return keys
    }

    /// The values in storage order (unspecified).
    package var values: [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for value in slotValues { if let value { values.append(value) } }
        return values
    }
}
