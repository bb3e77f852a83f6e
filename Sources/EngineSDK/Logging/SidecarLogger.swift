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
        append(record, timestamp: LogTimestamp.now(), to: &out)
        return out.bytes
    }

    /// Appends the line of `record` (whatever its level) with `timestamp` as its `ts`.
    private func append(_ record: LogRecord, timestamp: String, to out: inout JSONSerializer) {
        out.appendLiteral(#"{"ts":"#)
        out.write(string: timestamp)
        out.appendLiteral(#","level":"#)
        out.write(string: record.level.rawValue)
        out.appendLiteral(#","logger":"#)
        out.write(string: name)
        out.appendLiteral(#","message":"#)
        out.write(string: record.message)
        out.appendLiteral(#","msg":"#)
        out.write(string: record.message)
        if let id = record.requestID {
            out.appendLiteral(#","requestId":"#)
            out.write(id.json)
        }
        if !record.extra.members.isEmpty {
            out.appendLiteral(#","extra":"#)
            out.write(.object(record.extra))
        }
        out.appendLiteral("}\n")
    }

    /// Capacity reserved for one line (most are shorter).
    private static let lineBytesTypical = 256

    /// Writes the records `take` hands over as one write(2), in the order of the calls; they are
    /// formatted together, so they share one timestamp.
    package func write(_ take: () -> [LogRecord]) {
        lock.withLock { _ in
            let records = take()
            guard !records.isEmpty else { return }
            var out = JSONSerializer()
            out.bytes.reserveCapacity(Self.lineBytesTypical * records.count)
            let timestamp = LogTimestamp.now()
            for record in records where record.level >= levelMin { append(record, timestamp: timestamp, to: &out) }
            if !out.bytes.isEmpty { _ = PosixStreams.writeAll(2, out.bytes) }
        }
    }

    package func log(_ level: LogLevel, _ message: String, extra: JSONObject = JSONObject()) {
        log(LogRecord(level, message, extra: extra))
    }
}
