import Wire

/// One log line's content; the host adds the time and the logger name.
package struct LogRecord: Sendable, Hashable {
    package var level: LogLevel
    package var message: String
    package var requestID: RPCID?
    package var extra: JSONObject

    package init(_ level: LogLevel, _ message: String, requestID: RPCID? = nil, extra: JSONObject = JSONObject()) {
        self.level = level
        self.message = message
        self.requestID = requestID
        self.extra = extra
    }
}

/// Log severity, lowest first.
public enum LogLevel: String, Sendable, Hashable, Comparable, CaseIterable {
    case debug, info, warning, error

    private var rank: Int {
        switch self {
        case .debug: 0
        case .info: 1
        case .warning: 2
        case .error: 3
        }
    }

    public static func < (a: LogLevel, b: LogLevel) -> Bool { a.rank < b.rank }
}
