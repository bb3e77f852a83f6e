import Synchronization
import Wire

/// JSON logs on stderr, one object per line (SPEC 2.6-SHOULD-1):
/// `{"ts","level","logger","message","msg","requestId"?,"extra"?}` — `msg` is the SPEC's member,
/// `message` the same text under the name the Python SDK also writes.
package final class SidecarLogger: Sendable {
    package let name: String
    package let levelMin: LogLevel
    private let lock = Mutex(())

    package init(name: String, levelMin: LogLevel) {
        self.name = name
        self.levelMin = levelMin
    }

    package func log(_ record: LogRecord) {
        guard let line = line(record) else { return }
        lock.withLock { _ in _ = PosixStreams.writeAll(2, line) }
    }

    /// The JSON line for `record`, or nil when its level is below `levelMin`. Written member by
    /// member with the protocol's serializer, so the bytes are those of the equivalent `JSONValue`.
    package func line(_ record: LogRecord) -> [UInt8]? {
        guard record.level >= levelMin else { return nil }
        var out = JSONSerializer()
        out.bytes.reserveCapacity(Self.lineBytesTypical)
        out.bytes += Self.tsKey
        out.write(string: LogTimestamp.now())
        out.bytes += Self.levelKey
        out.write(string: record.level.rawValue)
        out.bytes += Self.loggerKey
        out.write(string: name)
        out.bytes += Self.messageKey
        out.write(string: record.message)
        out.bytes += Self.msgKey
        out.write(string: record.message)
        if let id = record.requestID {
            out.bytes += Self.requestIDKey
            out.write(id.json)
        }
        if !record.extra.members.isEmpty {
            out.bytes += Self.extraKey
            out.write(.object(record.extra))
        }
        out.bytes += [UInt8(ascii: "}"), 0x0A]
        return out.bytes
    }

    /// Capacity reserved for one line (most are shorter).
    private static let lineBytesTypical = 256
    private static let tsKey = Array(#"{"ts":"#.utf8)
    private static let levelKey = Array(#","level":"#.utf8)
    private static let loggerKey = Array(#","logger":"#.utf8)
    private static let messageKey = Array(#","message":"#.utf8)
    private static let msgKey = Array(#","msg":"#.utf8)
    private static let requestIDKey = Array(#","requestId":"#.utf8)
    private static let extraKey = Array(#","extra":"#.utf8)

    /// Writes the records `take` hands over as one write(2), in the order of the calls.
    package func write(_ take: () -> [LogRecord]) {
        lock.withLock { _ in
            var lines: [UInt8] = []
            for record in take() { lines += line(record) ?? [] }
            if !lines.isEmpty { _ = PosixStreams.writeAll(2, lines) }
        }
    }

    package func log(_ level: LogLevel, _ message: String, extra: JSONObject = JSONObject()) {
        log(LogRecord(level, message, extra: extra))
    }
}
