import Wire

/// What a scripted engine reads from one request line: the method, the id, and the few params its
/// answers depend on.
///
/// `init?(json:)` reads them from a parsed line. `scan(_:)` recognises the exact lines the
/// coordinator writes for `initialize`, `transcribe`, `cancel`, `health_check` and `stop` (EngineCodec's
/// compact bytes, with plain ASCII strings, integer ids and empty `config` and `options`) without
/// building a JSON tree, and gives the same fields the parser's tree would; any other line (escapes,
/// whitespace, other members, …) gives nil, and the engine parses it.
package struct ScriptedRequest: Equatable, Sendable {
    package var method: String
    /// The `id` member as sent (nil when absent: a notification).
    package var id: JSONValue?
    /// `params.audio.path`, or `""`.
    package var audioPath: String
    /// `params.id` when it is an unsigned integer (`cancel`'s target).
    package var cancelTarget: UInt64?
    /// `params.heartbeatIntervalMs` when it is an integer (`initialize`).
    package var heartbeatIntervalMs: Int?

    package init(method: String, id: JSONValue?, audioPath: String = "", cancelTarget: UInt64? = nil,
                 heartbeatIntervalMs: Int? = nil) {
        self.method = method
        self.id = id
        self.audioPath = audioPath
        self.cancelTarget = cancelTarget
        self.heartbeatIntervalMs = heartbeatIntervalMs
    }

    /// The request in a parsed line; nil when it has no string `method`.
    package init?(json message: JSONValue) {
        guard let method = message["method"]?.stringValue else { return nil }
        let params = message["params"] ?? .null
        self.init(
            method: method, id: message["id"], audioPath: params["audio"]?["path"]?.stringValue ?? "",
            cancelTarget: params["id"]?.numberValue.flatMap { UInt64($0.text) },
            heartbeatIntervalMs: params["heartbeatIntervalMs"]?.intValue)
    }

    /// The request in one of the coordinator's usual lines (no `\n`), or nil: parse the line then.
    package static func scan(_ line: UnsafeRawBufferPointer) -> ScriptedRequest? {
        var scanner = RequestScanner(line)
        return scanner.request()
    }
}

/// The byte matcher behind `ScriptedRequest.scan`: every step either consumes exactly the expected
/// bytes or fails, so a line it accepts is valid JSON with exactly the members it read.
struct RequestScanner {
    let bytes: UnsafeRawBufferPointer
    var index = 0

    init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    mutating func request() -> ScriptedRequest? {
        guard literal("{\"jsonrpc\":\"2.0\",") else { return nil }
        var id: JSONValue?
        if literal("\"id\":") {
            guard let digits = integer(), literal(",") else { return nil }
            id = .number(JSONNumber(unchecked: digits))
        }
        guard literal("\"method\":"), let method = plainString() else { return nil }
        var request = ScriptedRequest(method: method, id: id)
        switch method {
        case "health_check", "stop":
            guard literal("}") else { return nil }
        case "transcribe":
            guard literal(",\"params\":{\"audio\":{\"path\":"), let path = plainString(),
                literal("},\"language\":"), literal("null") || skipPlainString(),
                literal(",\"options\":{}}}")
            else { return nil }
            request.audioPath = path
        case "cancel":
            guard literal(",\"params\":{\"id\":"), let digits = integer(), literal("}}") else { return nil }
            request.cancelTarget = UInt64(digits)
        case "initialize":
            guard let interval = initializeParams() else { return nil }
            request.heartbeatIntervalMs = Int(interval)
        default:
            return nil
        }
        return index == bytes.count ? request : nil
    }

    /// `initialize`'s params with an empty `config` (and optional `limits`); the heartbeat interval's text.
    mutating func initializeParams() -> String? {
        guard literal(",\"params\":{\"protocolVersion\":"), skipPlainString(),
            literal(",\"clientInfo\":{\"name\":"), skipPlainString(), literal(",\"version\":"),
            skipPlainString(), literal("},\"heartbeatIntervalMs\":"), let interval = integer(),
            literal(",\"config\":{}")
        else { return nil }
        if literal(",\"limits\":{\"maxMessageBytes\":") {
            guard integer() != nil, literal("}") else { return nil }
        }
        return literal("}}") ? interval : nil
    }

    /// Consumes `text` if the bytes at `index` are exactly it (compared eight bytes at a time).
    @inline(__always)
    mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard bytes.count - index >= count, let base = bytes.baseAddress else { return false }
        let line = base + index
        let expected = UnsafeRawPointer(text.utf8Start)
        var offset = 0
        while offset + 8 <= count {
            guard line.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                == expected.loadUnaligned(fromByteOffset: offset, as: UInt64.self) else { return false }
            offset += 8
        }
        while offset < count {
            guard line.load(fromByteOffset: offset, as: UInt8.self) == expected.load(fromByteOffset: offset, as: UInt8.self)
            else { return false }
            offset += 1
        }
        index += count
        return true
    }

    /// A JSON string of printable ASCII without `"` or `\` (its value is its bytes).
    mutating func plainString() -> String? {
        let start = index + 1
        guard skipPlainString() else { return nil }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
    }

    /// Consumes a string `plainString` accepts, without making it.
    mutating func skipPlainString() -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let base = bytes.baseAddress else { return false }
        var end = index + 1
        while end < bytes.count {
            let byte = base.load(fromByteOffset: end, as: UInt8.self)
            if byte == UInt8(ascii: "\"") { break }
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return false }
            end += 1
        }
        guard end < bytes.count else { return false }
        index = end + 1
        return true
    }

    /// A non-negative JSON integer without fraction or exponent (`0`, `42`; not `01`), as its text.
    mutating func integer() -> String? {
        let start = index
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
        let count = index - start
        guard count > 0, count == 1 || bytes[start] != UInt8(ascii: "0") else { return nil }
        guard index < bytes.count, bytes[index] != UInt8(ascii: "."), bytes[index] | 0x20 != UInt8(ascii: "e") else {
            return nil
        }
        return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }
}
