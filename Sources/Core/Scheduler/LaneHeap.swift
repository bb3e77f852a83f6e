/// A binary min-heap of queued lanes by `DispatchKey`. Entries are removed lazily: each carries the
/// lane's `queueVersion` at push time and is stale once the lane's version moved on. Not a `Sequence`:
/// storage order is unspecified (STYLE rule 7), only `top`/`pop` are ordered.
package struct LaneHeap: Sendable {
    package struct Entry: Hashable, Sendable {
        package var key: DispatchKey
        package var version: UInt32
    }

    private var storage: [Entry] = []

    package init() {}

    package var isEmpty: Bool { storage.isEmpty }
    /// Entries including stale ones.
    package var count: Int { storage.count }
    /// All entries in unspecified order (invariant checks only).
    package var unordered: [Entry] { storage }
    package var top: Entry? { storage.first }

    package mutating func push(_ entry: Entry) {
        storage.append(entry)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child].key < storage[parent].key else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    @discardableResult
    package mutating func pop() -> Entry? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let entry = storage.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < storage.count && storage[left].key < storage[smallest].key { smallest = left }
            if right < storage.count && storage[right].key < storage[smallest].key { smallest = right }
            if smallest == parent { break }
            storage.swapAt(parent, smallest)
            parent = smallest
        }
        return entry
    }
}
