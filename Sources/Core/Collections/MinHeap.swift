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

    /// Moves parents down into a hole until `element` fits (one move per level, not a swap).
    @inlinable package mutating func push(_ element: Element) {
        storage.append(element)
        storage.withUnsafeMutableBufferPointer { heap in
            var hole = heap.count - 1
            while hole > 0 {
                let parent = (hole - 1) / 2
                guard element < heap[parent] else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = element
        }
    }

    /// Bottom-up: the hole left by the top walks down along the smaller children to a leaf (one
    /// comparison per level), then the last element moves up from there to its place (usually a
    /// level or two, as it came from the bottom).
    @inlinable @discardableResult
    package mutating func pop() -> Element? {
        guard let last = storage.popLast() else { return nil }
        guard let top = storage.first else { return last }
        storage.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var hole = 0
            while true {
                let left = 2 * hole + 1
                guard left < count else { break }
                let right = left + 1
                let child = right < count && heap[right] < heap[left] ? right : left
                heap[hole] = heap[child]
                hole = child
            }
            while hole > 0 {
                let parent = (hole - 1) / 2
                guard last < heap[parent] else { break }
                heap[hole] = heap[parent]
                hole = parent
            }
            heap[hole] = last
        }
        return top
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
