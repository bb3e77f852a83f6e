/// An id allocated from a counter starting at 1 (0 is never an id), usable as an `IDTable` key.
package protocol CounterID: Hashable, Comparable, Sendable {
    var value: UInt64 { get }
    init(_ value: UInt64)
}

extension RequestID: CounterID {}
extension TaskID: CounterID {}
