/// Levels of the structured JSON logs, least severe first.
package enum LogLevel: String, Sendable, Comparable, CaseIterable {
    case debug, info, warn, error

    package static func < (a: Self, b: Self) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}
