import Core

/// Checks a finished world against its scenario's `expect` section; returns one line per broken
/// expectation.
package struct ExpectationChecker {
    let world: SimWorld

    package init(world: SimWorld) { self.world = world }

    package func failures() -> [String] {
        let expectations = world.scenario.expectations
        var failures: [String] = []
        for expectation in expectations.events { failures += check(expectation) }
        for (engine, state) in expectations.engineStates {
            guard let actual = world.coordinator.engineState(EngineID(engine)) else {
                failures.append("final engine \(engine): no such engine")
                continue
            }
            if actual.phase.description != state { failures.append("final engine \(engine): \(actual.phase), expected \(state)") }
        }
        for (alias, state) in expectations.taskStates {
            let actual = taskState(alias)
            if actual != state && !(state == "failed" && actual.hasPrefix("failed:")) {
                failures.append("final task \(alias): \(actual), expected \(state)")
            }
        }
        for group in expectations.sameTask {
            let ids = group.map { world.book.ids[$0] }
            if ids.contains(where: { $0 == nil }) || Set(ids.compactMap { $0 }).count != 1 {
                failures.append("same task: \(group.joined(separator: ", ")) are \(ids.map { $0?.description ?? "unsubmitted" })")
            }
        }
        failures += checkStartOrder(expectations.startOrder)
        for (alias, code) in expectations.rejected where world.book.rejections[alias] != code {
            failures.append("rejected \(alias): \(world.book.rejections[alias] ?? "accepted"), expected \(code)")
        }
        return failures
    }

    /// A task's state as text: its event-log outcome when known, else the coordinator's state.
    func taskState(_ alias: String) -> String {
        guard let id = world.book.ids[alias] else { return world.book.rejections[alias].map { "rejected:\($0)" } ?? "unsubmitted" }
        var final: String?
        for event in world.events where event.job == id {
            switch event.name {
            case "task.completed": final = "completed"
            case "task.cancelled": final = "cancelled"
            case "task.failed": final = "failed:\(event.detail)"
            default: break
            }
        }
        if let final { return final }
        switch world.coordinator.taskState(id) {
        case .pending?: return "pending"
        case .running?: return "running"
        case .completed?: return "completed"
        case .cancelled?: return "cancelled"
        case .failed(let error)?: return "failed:\(error.code.id)"
        case nil: return "forgotten"
        }
    }

    private func checkStartOrder(_ order: [String]) -> [String] {
        guard !order.isEmpty else { return [] }
        var started: [String] = []
        for event in world.events where event.name == "task.started" {
            guard let job = event.job else { continue }
            let alias = world.book.alias(job)
            if order.contains(alias) && !started.contains(alias) { started.append(alias) }
        }
        return started == order ? [] : ["start order: \(started.joined(separator: ", ")), expected \(order.joined(separator: ", "))"]
    }

    func matches(_ expectation: EventExpectation) -> [RecordedEvent] {
        let source: [RecordedEvent]
        if let client = expectation.client {
            source = world.clients.first { $0.name == client }?.received ?? []
        } else {
            source = world.events
        }
        let task = expectation.task.map { world.book.ids[$0] }
        return source.filter { event in
            event.name == expectation.name
                && (expectation.task != nil || event.job == nil || !event.name.hasPrefix("signal.engine."))
                && (expectation.engine.map { event.engine?.name == $0 } ?? true)
                && (task.map { $0 != nil && event.job == $0 } ?? true)
                && (expectation.detail.map { event.detail == $0 } ?? true)
        }
    }

    func check(_ expectation: EventExpectation) -> [String] {
        var found = matches(expectation)
        let label = expectation.label
        if let (from, to) = expectation.withinMs {
            found = found.filter { $0.atMs >= from && $0.atMs <= to }
            if expectation.count == nil && expectation.countMin == nil && expectation.countMax == nil && found.isEmpty {
                return ["\(label): none within \(from)...\(to) ms"]
            }
        }
        var failures: [String] = []
        let times = found.map(\.atMs)
        if let count = expectation.count, found.count != count { failures.append("\(label): \(found.count) events, expected \(count) (at \(times.prefix(12)))") }
        if let min = expectation.countMin, found.count < min { failures.append("\(label): \(found.count) events, expected at least \(min)") }
        if let max = expectation.countMax, found.count > max { failures.append("\(label): \(found.count) events, expected at most \(max)") }
        if !expectation.atMs.isEmpty && Array(times.prefix(expectation.atMs.count)) != expectation.atMs {
            failures.append("\(label): at \(times.prefix(expectation.atMs.count)) ms, expected \(expectation.atMs)")
        }
        if !expectation.gapsMs.isEmpty {
            let gaps = zip(times, times.dropFirst()).map { $1 - $0 }
            if Array(gaps.prefix(expectation.gapsMs.count)) != expectation.gapsMs {
                failures.append("\(label): gaps \(gaps.prefix(expectation.gapsMs.count)) ms, expected \(expectation.gapsMs)")
            }
        }
        if let rankMax = expectation.rankMax {
            let all = world.events.filter { $0.name == expectation.name }
            if let first = found.first, let rank = all.firstIndex(of: first).map({ $0 + 1 }) {
                if rank > rankMax { failures.append("\(label): first at position \(rank), expected at most \(rankMax)") }
            } else {
                failures.append("\(label): never happened (rank at most \(rankMax) expected)")
            }
        }
        return failures
    }
}
