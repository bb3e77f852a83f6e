/// The configured name of an engine ("whisper", "vosk"); ordering is by name, so loops over engines
/// are deterministic. Hashing uses a fingerprint computed once from the name (FNV-1a), so the many
/// engine- and timer-keyed lookups do not rehash the string.
package struct EngineID: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    package let name: String
    private let fingerprint: UInt64

    package init(_ name: String) {
        self.name = name
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        fingerprint = hash
    }

    package init(stringLiteral value: String) { self.init(value) }

    package var description: String { name }
    package static func < (a: Self, b: Self) -> Bool { a.name < b.name }
    package static func == (a: Self, b: Self) -> Bool { a.fingerprint == b.fingerprint && a.name == b.name }
    package func hash(into hasher: inout Hasher) { hasher.combine(fingerprint) }
}
