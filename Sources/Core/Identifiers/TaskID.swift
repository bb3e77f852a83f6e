/// A task (job) id, allocated by the scheduler in submission order from 1.
package struct TaskID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var value: UInt64

    package init(_ value: UInt64) { self.value = value }

    package var description: String { "task-\(value)" }
    package static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}
