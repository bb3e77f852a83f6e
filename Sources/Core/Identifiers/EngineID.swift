/// The configured name of an engine ("whisper", "vosk"); ordering is by name, so loops over engines
/// are deterministic.
package struct EngineID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    package var name: String

    package init(_ name: String) { self.name = name }
    package init(stringLiteral value: String) { self.name = value }

    package var description: String { name }
    package static func < (a: Self, b: Self) -> Bool { a.name < b.name }
}
