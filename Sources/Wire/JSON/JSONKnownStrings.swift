/// The member names and common short values of the protocol's messages (SPEC 3-6), recognised by
/// `JSONParser.parseShortString` from the same two little-endian words as `JSONKeyCache`, without
/// creating a `String`: each is a small string, so returning it copies two words. Built once; open
/// addressing over 128 slots.
struct JSONKnownStrings: Sendable {
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

    /// Slot `i` is `keys[3i...3i+2]` (length, then the two words; length `UInt64.max` when empty)
    /// and `texts[i]`: lookups compare plain words and touch a `String` only on a hit.
    let keys: [UInt64]
    let texts: [String]

    init(names: [String]) {
        var keys = [UInt64](repeating: 0, count: 3 << Self.slotBits)
        for slot in 0..<(1 << Self.slotBits) { keys[3 * slot] = .max }
        var texts = [String](repeating: "", count: 1 << Self.slotBits)
        precondition(names.count * 2 <= texts.count, "JSONKnownStrings: too many names")
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
            while keys[3 * slot] != .max { slot = (slot + 1) & ((1 << Self.slotBits) - 1) }
            keys[3 * slot] = UInt64(bytes.count)
            keys[3 * slot + 1] = low
            keys[3 * slot + 2] = high
            texts[slot] = name
        }
        self.keys = keys
        self.texts = texts
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
        let found = keys.withUnsafeBufferPointer { keys -> Int? in
            while true {
                let stored = keys[3 * slot]
                if stored == .max { return nil }
                if stored == UInt64(length), keys[3 * slot + 1] == low, keys[3 * slot + 2] == high { return slot }
                slot = (slot + 1) & ((1 << Self.slotBits) - 1)
            }
        }
        return found.map { texts[$0] }
    }
}
