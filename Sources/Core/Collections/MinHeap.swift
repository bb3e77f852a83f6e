/// A binary min-heap. Not a `Sequence`: storage order is unspecified (STYLE rule 7); only `top` and
/// `pop()` are ordered. Elements must have a total order with no ties that matter (our keys end in a
/// sequence number or id), so equal inputs give equal outputs whatever the insertion order.
/// `@inlinable` so other modules (the runtime's timer queue) get it specialized, not generic calls.
package struct MinHeap<Element: Comparable & Sendable>: Sendable {
    @usableFromInline var storage: [Element] = []

    @inlinable package init() {}

    /// Builds a heap from elements in any order.
    @inlinable package init(_ elements: [Element]) {
        storage = elements
        var index = storage.count / 2
        while index > 0 {
            index -= 1
            siftDown(from: index)
        }
    }

    @inlinable package var isEmpty: Bool { storage.isEmpty }
    @inlinable package var count: Int { storage.count }
    /// All elements in unspecified order (for invariant checks and rebuilding only).
    package var unordered: [Element] { storage }
    @inlinable package var top: Element? { storage.first }

    @inlinable package mutating func push(_ element: Element) {
        storage.append(element)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    @inlinable @discardableResult
    package mutating func pop() -> Element? {
        guard !storage.isEmpty else { return nil }
        storage.swapAt(0, storage.count - 1)
        let element = storage.removeLast()
        siftDown(from: 0)
        return element
    }

    @inlinable mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < storage.count && storage[left] < storage[smallest] { smallest = left }
            if right < storage.count && storage[right] < storage[smallest] { smallest = right }
            if smallest == parent { return }
            storage.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
