/// `DriverLoop`'s timer heap: a binary min-heap of `DriverLoop.ArmedTimer`, ordered by (deadline,
/// arming sequence). Not `Core.MinHeap`: a generic struct from another module is not specialized
/// here, so every `top`, `push` and `pop` looked its metadata up at run time, several times per loop
/// turn. Not a `Sequence`: storage order is unspecified (STYLE rule 7).
struct DriverTimerQueue {
    private var storage: [DriverLoop.ArmedTimer] = []

    init() {}

    /// Builds a heap from entries in any order.
    init(_ entries: [DriverLoop.ArmedTimer]) {
        storage = entries
        var index = storage.count / 2
        while index > 0 {
            index -= 1
            siftDown(from: index)
        }
    }

    var count: Int { storage.count }
    var top: DriverLoop.ArmedTimer? { storage.first }

    mutating func push(_ entry: DriverLoop.ArmedTimer) {
        storage.append(entry)
        var child = storage.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard storage[child] < storage[parent] else { break }
            storage.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() {
        guard !storage.isEmpty else { return }
        storage.swapAt(0, storage.count - 1)
        storage.removeLast()
        siftDown(from: 0)
    }

    private mutating func siftDown(from start: Int) {
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
