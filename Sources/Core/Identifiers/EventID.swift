/// An event id: one counter for the whole coordinator, from 1, strictly increasing in emission order,
/// so every job's events carry increasing ids and a subscriber can resume "after" the last one it saw.
package struct EventID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var value: UInt64

    package init(_ value: UInt64) { self.value = value }

    package var description: String { "e\(value)" }
    package static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}
