/// A task's base priority. Aging raises the effective priority while a task waits (see `DispatchKey`).
package enum TaskPriority: Int, Hashable, Sendable, Comparable, CaseIterable, CustomStringConvertible {
    case low = 0
    case normal = 1
    case high = 2
    case critical = 3

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    package var description: String {
        switch self {
        case .low: "low"
        case .normal: "normal"
        case .high: "high"
        case .critical: "critical"
        }
    }
}
