import Wire

/// What a timeline shows, read back from a JSONL trace: one lane per engine (state spans), one per task
/// (queued/running spans), and marks for events.
package struct TimelineModel: Sendable {
    package struct Span: Hashable, Sendable {
        package var fromMs: UInt64
        package var toMs: UInt64
        package var state: String
        package var label: String
    }

    package struct Mark: Hashable, Sendable {
        package var atMs: UInt64
        package var kind: String
        package var label: String
    }

    package struct Lane: Sendable {
        package var title: String
        package var spans: [Span] = []
        package var marks: [Mark] = []
        var open: (fromMs: UInt64, state: String, label: String)?

        mutating func enter(_ state: String, label: String = "", atMs: UInt64) {
            close(atMs: atMs)
            open = (atMs, state, label.isEmpty ? state : label)
        }

        mutating func close(atMs: UInt64) {
            if let open, atMs >= open.fromMs {
                spans.append(Span(fromMs: open.fromMs, toMs: atMs, state: open.state, label: open.label))
            }
            open = nil
        }
    }

    package var title = ""
    package var endMs: UInt64 = 0
    package var engines: [Lane] = []
    package var tasks: [Lane] = []
    /// Tasks beyond `tasksShownMax`, not drawn.
    package var tasksHidden = 0
    package static let tasksShownMax = 80

    var engineIndex: [String: Int] = [:]
    var taskIndex: [UInt64: Int] = [:]

    /// Reads a trace; lines that are not trace lines are skipped.
    package init(trace: [UInt8]) {
        var decoder = LineDecoder(maxLineBytes: 64 << 20)
        for result in decoder.append(trace) {
            guard case .success(let line) = result else { continue }
            if line["format"] != nil {
                title = "\(line["name"]?.stringValue ?? "") seed \(line["seed"]?.numberValue?.text ?? "")"
                continue
            }
            if let end = line["end"]?["t"]?.numberValue.flatMap({ UInt64($0.text) }) { endMs = max(endMs, end) }
            guard let atMs = line["t"]?.numberValue.flatMap({ UInt64($0.text) }) else { continue }
            endMs = max(endMs, atMs)
            let audio = line["in"]?["command"]?["submit"]?["audio"]?.stringValue
            for action in line["out"]?.arrayValue ?? [] {
                if let audio, let task = action["reply"]?["submitted"]?.numberValue.flatMap({ UInt64($0.text) }),
                    let lane = taskLane(task), lane >= 0 {
                    tasks[lane].title = "task \(task) \(audio)"
                }
                if action["type"]?.stringValue == "emit", let event = action["event"] { add(event, atMs: atMs) }
            }
        }
        for index in engines.indices { engines[index].close(atMs: endMs) }
        for index in tasks.indices { tasks[index].close(atMs: endMs) }
    }

    mutating func engineLane(_ name: String) -> Int {
        if let index = engineIndex[name] { return index }
        engines.append(Lane(title: name))
        engineIndex[name] = engines.count - 1
        return engines.count - 1
    }

    mutating func taskLane(_ id: UInt64) -> Int? {
        if let index = taskIndex[id] { return index }
        guard tasks.count < Self.tasksShownMax else {
            tasksHidden += 1
            taskIndex[id] = -1
            return nil
        }
        tasks.append(Lane(title: "task \(id)"))
        taskIndex[id] = tasks.count - 1
        return tasks.count - 1
    }

    mutating func add(_ event: JSONValue, atMs: UInt64) {
        guard let name = event["type"]?.stringValue else { return }
        if let job = event["job"]?.numberValue.flatMap({ UInt64($0.text) }) {
            guard let lane = taskLane(job), lane >= 0 else { return }
            addTask(name, event, lane: lane, atMs: atMs)
        } else if let engine = event["engine"]?.stringValue {
            addEngine(name, event, lane: engineLane(engine), atMs: atMs)
        }
    }

    mutating func addEngine(_ name: String, _ event: JSONValue, lane: Int, atMs: UInt64) {
        switch name {
        case "signal.engine.stage": engines[lane].enter("starting", label: event["stage"]?.stringValue ?? "", atMs: atMs)
        case "signal.engine.ready", "signal.engine.healthy": engines[lane].enter("running", atMs: atMs)
        case "signal.engine.unhealthy": engines[lane].enter("unhealthy", atMs: atMs)
        case "signal.engine.restarting":
            let delay = event["delayMs"]?.numberValue?.text ?? "?"
            engines[lane].enter("backing_off", label: "backing off \(delay) ms", atMs: atMs)
        case "signal.engine.failed": engines[lane].enter("failed", label: "failed: \(event["cause"]?.stringValue ?? "")", atMs: atMs)
        case "signal.engine.stopping": engines[lane].enter("stopping", label: "stopping (\(event["reason"]?.stringValue ?? ""))", atMs: atMs)
        case "signal.engine.stopped": engines[lane].enter("stopped", atMs: atMs)
        case "signal.engine.crashed":
            engines[lane].marks.append(Mark(atMs: atMs, kind: "crash", label: "crashed: \(event["cause"]?.stringValue ?? "")"))
        case "signal.engine.restart_count_reset":
            engines[lane].marks.append(Mark(atMs: atMs, kind: "reset", label: "restart count reset"))
        default: break
        }
    }

    mutating func addTask(_ name: String, _ event: JSONValue, lane: Int, atMs: UInt64) {
        switch name {
        case "task.queued", "signal.task.requeued":
            tasks[lane].enter("queued", atMs: atMs)
            if name != "task.queued" { tasks[lane].marks.append(Mark(atMs: atMs, kind: "requeue", label: "re-queued")) }
        case "task.started":
            let engine = event["engine"]?.stringValue ?? ""
            tasks[lane].enter("running", label: "running on \(engine)", atMs: atMs)
        case "task.completed": finish(lane, "completed", atMs: atMs)
        case "task.failed": finish(lane, "failed", label: "failed: \(event["error"]?["code"]?.stringValue ?? "")", atMs: atMs)
        case "task.cancelled": finish(lane, "cancelled", atMs: atMs)
        case "subtitle.draft", "subtitle.overwrite": tasks[lane].marks.append(Mark(atMs: atMs, kind: "draft", label: name))
        case "signal.task.quarantined": tasks[lane].marks.append(Mark(atMs: atMs, kind: "crash", label: "quarantined"))
        case "signal.engine.crashed": tasks[lane].marks.append(Mark(atMs: atMs, kind: "crash", label: "engine crashed"))
        default: break
        }
    }

    mutating func finish(_ lane: Int, _ kind: String, label: String = "", atMs: UInt64) {
        tasks[lane].close(atMs: atMs)
        tasks[lane].marks.append(Mark(atMs: atMs, kind: kind, label: label.isEmpty ? kind : label))
    }
}
