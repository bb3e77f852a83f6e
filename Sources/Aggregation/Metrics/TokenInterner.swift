/// Maps tokens (compared byte for byte, as Python compares `str`, not by Swift's canonical
/// equivalence) to dense ids 0, 1, 2, … in order of first appearance, as jiwer's `_word2int`.
package struct TokenInterner: Sendable {
    private var storage: [UInt8] = []
    /// Token id → start offset in `storage`; one extra entry holds the end.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Open addressing, linear probing: id + 1, or 0 for an empty slot.
    private var slots: [Int32] = [Int32](repeating: 0, count: 1024)

    package init() {}

    package var count: Int { hashes.count }

    package mutating func intern(_ token: UnsafeBufferPointer<UInt8>) -> Int32 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in token { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
        while true {
            let entry = slots[slot]
            if entry == 0 { break }
            let id = Int(entry) - 1
            if hashes[id] == hash, equals(id, token) { return Int32(id) }
            slot = (slot + 1) & mask
        }
        let id = Int32(hashes.count)
        hashes.append(hash)
        storage.append(contentsOf: token)
        starts.append(storage.count)
        slots[slot] = id + 1
        if hashes.count * 2 > slots.count { grow() }
        return id
    }

    /// The token's text (the bytes are valid UTF-8: they were cut from a String at scalar boundaries).
    package func token(_ id: Int32) -> String {
        let range = starts[Int(id)]..<starts[Int(id) + 1]
        return String(decoding: storage[range], as: UTF8.self)
    }

    private func equals(_ id: Int, _ token: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id]
        guard starts[id + 1] - start == token.count else { return false }
        for offset in 0..<token.count where storage[start + offset] != token[offset] { return false }
        return true
    }

    private mutating func grow() {
        var bigger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = bigger.count - 1
        for id in 0..<hashes.count {
            let hash = hashes[id]
            var slot = Int(truncatingIfNeeded: hash ^ (hash >> 29)) & mask
            while bigger[slot] != 0 { slot = (slot + 1) & mask }
            bigger[slot] = Int32(id + 1)
        }
        slots = bigger
    }
}
