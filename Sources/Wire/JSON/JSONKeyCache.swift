/// Remembers the short ASCII strings (member names and values) of one document outside
/// `JSONKnownStrings`, so repeated ones (names of an extension object, word texts)
/// become a `String` once instead of once per occurrence.
/// Direct-mapped, 64 entries, names of 0...15 bytes (Swift's small-string size: no reference counting).
/// The table is allocated on first use.
struct JSONKeyCache: ~Copyable {
    struct Entry {
        var length: Int
        var low: UInt64
        var high: UInt64
        var text: String
    }

    private static let slotBits = 6
    private var table: UnsafeMutablePointer<Entry>?

    init() {}

    deinit {
        if let table {
            table.deinitialize(count: 1 << Self.slotBits)
            table.deallocate()
        }
    }

    /// The name whose `length` bytes are `low` then `high` (little-endian words, zero-padded);
    /// `make` creates it on a miss.
    @inline(__always)
    mutating func name(low: UInt64, high: UInt64, length: Int, make: () -> String) -> String {
        let entries = table ?? allocate()
        let mixed = (low ^ (high &* 0x0000_0100_0000_01B3) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        let entry = entries + Int(truncatingIfNeeded: mixed >> UInt64(64 - Self.slotBits))
        if entry.pointee.length == length, entry.pointee.low == low, entry.pointee.high == high {
            return entry.pointee.text
        }
        let text = make()
        entry.pointee = Entry(length: length, low: low, high: high, text: text)
        return text
    }

    private mutating func allocate() -> UnsafeMutablePointer<Entry> {
        let entries = UnsafeMutablePointer<Entry>.allocate(capacity: 1 << Self.slotBits)
        entries.initialize(repeating: Entry(length: -1, low: 0, high: 0, text: ""), count: 1 << Self.slotBits)
        table = entries
        return entries
    }
}
