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
