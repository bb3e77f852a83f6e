/// A JSON-RPC request id the coordinator sends to an engine; integers allocated in order from 1,
/// unique across all engines for the coordinator's lifetime.
package struct RequestID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var value: UInt64

    package init(_ value: UInt64) { self.value = value }

    package var description: String { "#\(value)" }
    package static func < (a: Self, b: Self) -> Bool { a.value < b.value }
}

/// Hands out request ids in order. Shared by the supervisors and the scheduler through `inout`.
package struct RequestIDAllocator: Sendable, Hashable {
    package private(set) var nextValue: UInt64 = 1

    package init() {}

    package mutating func allocate() -> RequestID {
        defer { nextValue += 1 }
        return RequestID(nextValue)
    }
}
