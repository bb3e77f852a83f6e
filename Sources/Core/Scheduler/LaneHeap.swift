/// Queued lanes by `DispatchKey`. Entries are removed lazily: each carries the lane's `queueVersion`
/// at push time and is stale once the lane's version moved on.
package typealias LaneHeap = MinHeap<LaneHeapEntry>

/// One queued lane in a `LaneHeap`.
package struct LaneHeapEntry: Hashable, Sendable, Comparable {
    package var key: DispatchKey
    package var version: UInt32

    package static func < (a: Self, b: Self) -> Bool { a.key < b.key }
}
