/// The member names and common short values of the protocol's messages (SPEC 3-6), recognised by
/// `JSONParser.parseShortString` from the same two little-endian words as `JSONKeyCache`, without
/// creating a `String`: each is a small string, so returning it copies two words. Built once; open
/// addressing over 128 slots.
struct JSONKnownStrings: Sendable {
    struct Entry: Sendable {
        var length: Int
        var low: UInt64
        var high: UInt64
        var text: String
    }

    static let names = [
        "jsonrpc", "id", "method", "params", "result", "error", "code", "message", "data", "reason", "name",
        "protocolVersion", "clientInfo", "version", "config", "limits", "maxMessageBytes", "engine",
        "capabilities", "languages", "drafts", "wordTimestamps", "wordConfidence", "status", "detail",
        "activeRequests", "audio", "path", "language", "options", "seq", "uptimeMs", "fraction", "stage",
        "segment", "duration", "segments", "start", "end", "text", "words", "word", "confidence", "metrics",
        "processingMs", "realTimeFactor", "type",
    ]
    static let values = [
        "2.0", "1.0", "initialize", "health_check", "transcribe", "cancel", "stop", "progress", "draft",
        "heartbeat", "ok", "loading", "degraded", "loading_audio", "decoding", "finalizing", "en",
    ]
    static let slotBits = 7
    static let shared = JSONKnownStrings(names: names + values)

    /// `1 << slotBits` slots; an empty one has length -1.
    let entries: [Entry]

    init(names: [String]) {
        var entries = [Entry](repeating: Entry(length: -1, low: 0, high: 0, text: ""), count: 1 << Self.slotBits)
        precondition(names.count * 2 <= entries.count, "JSONKnownStrings: too many names")
        for name in names {
            let bytes = Array(name.utf8)
            precondition(bytes.count <= 15 && bytes.allSatisfy { $0 >= 0x20 && $0 < 0x80 && $0 != 0x22 && $0 != 0x5C },
                         "JSONKnownStrings: \(name) is not a short plain ASCII name")
            var low: UInt64 = 0
            var high: UInt64 = 0
            for (index, byte) in bytes.enumerated() {
                if index < 8 { low |= UInt64(byte) << UInt64(8 * index) } else { high |= UInt64(byte) << UInt64(8 * (index - 8)) }
            }
            var slot = Self.slot(low: low, high: high, length: bytes.count)
            while entries[slot].length != -1 { slot = (slot + 1) & ((1 << Self.slotBits) - 1) }
            entries[slot] = Entry(length: bytes.count, low: low, high: high, text: name)
        }
        self.entries = entries
    }

    @inline(__always)
    static func slot(low: UInt64, high: UInt64, length: Int) -> Int {
        let mixed = (low ^ (high &* 0x0000_0100_0000_01B3) ^ UInt64(length)) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: mixed >> UInt64(64 - slotBits))
    }

    /// The known string whose `length` bytes are `low` then `high`, or nil.
    @inline(__always)
    func name(low: UInt64, high: UInt64, length: Int) -> String? {
        var slot = Self.slot(low: low, high: high, length: length)
        while true {
            let entry = entries[slot]
            if entry.length == -1 { return nil }
            if entry.length == length, entry.low == low, entry.high == high { return entry.text }
            slot = (slot + 1) & ((1 << Self.slotBits) - 1)
        }
    }
}
