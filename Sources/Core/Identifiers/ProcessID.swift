/// An operating-system (or simulated) process id as reported by the driver after a spawn.
package struct ProcessID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var value: Int32

    package init(_ value: Int32) { self.value = value }

    package var description: String { "pid \(value)" }
    package static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}
