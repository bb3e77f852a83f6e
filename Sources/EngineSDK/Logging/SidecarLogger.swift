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

    /// The JSON line for `record`, or nil when its level is below `levelMin`.
    package func line(_ record: LogRecord) -> [UInt8]? {
        guard record.level >= levelMin else { return nil }
        var members: [(key: String, value: JSONValue)] = [
            (key: "ts", value: .string(LogTimestamp.now())), (key: "level", value: .string(record.level.rawValue)),
            (key: "logger", value: .string(name)), (key: "message", value: .string(record.message)),
            (key: "msg", value: .string(record.message)),
        ]
        if let id = record.requestID { members.append((key: "requestId", value: id.json)) }
        if !record.extra.members.isEmpty { members.append((key: "extra", value: .object(record.extra))) }
        return JSONValue.object(JSONObject(members: members)).encodedLine()
    }

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
