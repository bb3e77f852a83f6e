import Core
import Sim

/// What a parity test compares between the simulator and a real run of one scenario, normalised so
/// real-time jitter does not matter (no times, pids, restart delays or exit statuses):
/// - per engine, the ordered supervisor states: `stage:<stage>`, `ready`, `crashed:<cause>`,
///   `restarting`, `failed:<cause>`, `stopping:<reason>`, `stopped` (health signals — `unhealthy`,
///   `healthy`, `restart_count_reset` — are left out: they report probes, not states); a `loading`
///   stage right after `waiting_for_health` is folded into it: whether the first probe finds the model
///   still loading is a race on real processes (lsref loads asynchronously after `initialize`, even
///   with `--loading-ms 0`, and answers that first probe `loading`; the simulated lsref finishes a
///   0 ms load before the probe arrives);
/// - per task alias, how often it was dispatched and its outcome (`completed`, `cancelled`,
///   `failed:<code>` or `unfinished`).
struct ScenarioParityObservation: Equatable, CustomStringConvertible {
    static let unfinished = "unfinished"

    var states: [String: [String]] = [:]
    var dispatches: [String: Int] = [:]
    var outcomes: [String: String] = [:]

    /// Builds the observation from events in emission order; `alias` names a task id.
    init(_ events: [RecordedEvent], engines: [EngineID], aliases: [String], alias: (TaskID) -> String) {
        for engine in engines { states[engine.name] = [] }
        for name in aliases {
            dispatches[name] = 0
            outcomes[name] = Self.unfinished
        }
        for event in events { record(event, alias: alias) }
    }

    private mutating func record(_ event: RecordedEvent, alias: (TaskID) -> String) {
        if let job = event.job {
            let name = alias(job)
            switch event.name {
            case "task.started": dispatches[name, default: 0] += 1
            case "task.completed": outcomes[name] = "completed"
            case "task.cancelled": outcomes[name] = "cancelled"
            case "task.failed": outcomes[name] = "failed:\(event.detail)"
            default: break
            }
            return
        }
        guard let engine = event.engine, let state = Self.state(event) else { return }
        if state == "stage:loading", states[engine.name]?.last == "stage:waiting_for_health" { return }
        states[engine.name, default: []].append(state)
    }

    /// The normalised supervisor state an engine signal reports, nil for other events.
    static func state(_ event: RecordedEvent) -> String? {
        switch event.name {
        case "signal.engine.stage": "stage:\(event.detail)"
        case "signal.engine.ready": "ready"
        case "signal.engine.crashed": "crashed:\(event.detail)"
        case "signal.engine.restarting": "restarting"
        case "signal.engine.failed": "failed:\(event.detail)"
        case "signal.engine.stopping": "stopping:\(event.detail)"
        case "signal.engine.stopped": "stopped"
        default: nil
        }
    }

    /// Whether this (real, growing) observation has got at least as far as `other` (a simulator
    /// checkpoint): as many states per engine, dispatches per task, and every task `other` finished.
    func covers(_ other: Self) -> Bool {
        for (engine, expected) in other.states where (states[engine]?.count ?? 0) < expected.count { return false }
        for (name, expected) in other.dispatches where (dispatches[name] ?? 0) < expected { return false }
        for (name, outcome) in other.outcomes where outcome != Self.unfinished && outcomes[name] == Self.unfinished {
            return false
        }
        return true
    }

    var description: String {
        var lines: [String] = []
        for engine in states.keys.sorted() { lines.append("\(engine): \(states[engine]!.joined(separator: " → "))") }
        for name in outcomes.keys.sorted() {
            lines.append("\(name): \(outcomes[name]!) after \(dispatches[name] ?? 0) dispatches")
        }
        return lines.joined(separator: "\n")
    }
}
