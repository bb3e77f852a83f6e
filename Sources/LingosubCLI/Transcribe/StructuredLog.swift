import CommandLineSupport
import Core
import Foundation
import Wire

/// JSON log lines on stderr (`--log-level`): coordinator events and captured engine stderr lines,
/// with task and engine ids. One object per line, members in a fixed order.
package final class StructuredLog {
    let level: LogLevel
    private let output: any CommandOutput
    private let formatter: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions.insert(.withFractionalSeconds)
        return formatter
    }()
    /// Which task each request belongs to (from `task.started`), to tag engine lines by `requestId`.
    private var taskOfRequest: [UInt64: TaskID] = [:]
    static let requestsRememberedMax = 100_000

    init(level: LogLevel, output: any CommandOutput) {
        self.level = level
        self.output = output
    }

    /// One line; `logger` is `lingosub`, or `lingosub.engine` for captured engine lines.
    func log(_ level: LogLevel, _ message: String, _ fields: [(String, JSONValue)] = [], logger: String = "lingosub") {
        guard level >= self.level else { return }
        var object = JSONObject([
            ("ts", .string(formatter.string(from: Date()))),
            ("level", .string(level.rawValue)),
            ("logger", .string(logger)),
            ("message", .string(message)),
        ])
        for (key, value) in fields { object[key] = value }
        output.err(JSONValue.object(object).serializedString + "\n")
    }

    func log(_ event: Event) {
        var fields: [(String, JSONValue)] = [("task", event.job.map { .string($0.description) } ?? .null)]
        if let engine = Self.engine(of: event.kind) { fields.append(("engine", .string(engine.name))) }
        fields.append(("event", event.json))
        if case .taskStarted(_, let request, _) = event.kind, let job = event.job, taskOfRequest.count < Self.requestsRememberedMax {
            taskOfRequest[request.value] = job
        }
        log(Self.level(of: event.kind), event.kind.name, fields)
    }

    /// An engine's stderr line: its own level and message when it is a JSON log line.
    func logEngineLine(_ engine: EngineID, _ line: String) {
        let parsed = Self.jsonObject(line)
        let level = parsed?["level"]?.stringValue.flatMap(Self.level(named:)) ?? .info
        let message = parsed?["message"]?.stringValue ?? parsed?["msg"]?.stringValue ?? line
        var task: TaskID?
        if let parsed, let request = Self.requestID(in: parsed) { task = taskOfRequest[request] }
        var fields: [(String, JSONValue)] = [
            ("task", task.map { JSONValue.string($0.description) } ?? .null), ("engine", .string(engine.name)),
        ]
        if let parsed { fields.append(("engineLog", .object(parsed))) } else { fields.append(("line", .string(line))) }
        log(level, message, fields, logger: "lingosub.engine")
    }

    /// The coordinator's request id a JSON log line names: top-level `requestId` (the Swift SDK: the
    /// JSON-RPC id itself, a number) or `extra.request_id` (the Python SDK: the id's JSON text, "7").
    package static func requestID(in object: JSONObject) -> UInt64? {
        let candidates = [object["requestId"], object["request_id"], object["extra"]?["request_id"]]
        for candidate in candidates {
            switch candidate {
            case .number(let number)?: if let value = UInt64(number.text) { return value }
            case .string(let text)?: if let value = UInt64(text) { return value }
            default: continue
            }
        }
        return nil
    }

    /// The line as a JSON object, or nil for plain text (engines may log either).
    private static func jsonObject(_ line: String) -> JSONObject? {
        guard line.first == "{" else { return nil }
        do { return try JSONParser.parse(line).objectValue } catch { return nil }
    }

    static func level(named name: String) -> LogLevel? {
        switch name.lowercased() {
        case "trace", "debug": .debug
        case "info", "notice": .info
        case "warn", "warning": .warn
        case "error", "critical", "fatal": .error
        default: nil
        }
    }

    static func level(of kind: EventKind) -> LogLevel {
        switch kind {
        case .progressOverall, .subtitleDraft, .subtitleOverwrite, .taskQueued: .debug
        case .engine(_, .crashed), .engine(_, .unhealthy), .engine(_, .restarting), .taskRequeued, .engineAttemptFailed: .warn
        case .engine(_, .failed), .taskFailed, .taskQuarantined: .error
        default: .info
        }
    }

    static func engine(of kind: EventKind) -> EngineID? {
        switch kind {
        case .taskStarted(let engine, _, _), .subtitleDraft(let engine, _, _), .subtitleOverwrite(let engine, _, _),
            .engineResult(let engine, _), .taskRequeued(let engine, _, _), .engine(let engine, _):
            engine
        case .engineAttemptFailed(let engine, _), .taskQuarantined(let engine, _): engine
        default: nil
        }
    }
}
