import Wire

/// Events that must (or must not) happen: a filter, then count, time window, exact times or gaps.
package struct EventExpectation: Sendable {
    package var name: String
    package var engine: String?
    package var task: String?
    package var detail: String?
    /// Match events this client received (live or replayed) instead of the coordinator's log.
    package var client: String?
    package var count: Int?
    package var countMin: Int?
    package var countMax: Int?
    /// Only events in [from, to] count; without a count, at least one must be there.
    package var withinMs: (from: UInt64, to: UInt64)?
    /// Exact times of the first matching events.
    package var atMs: [UInt64] = []
    /// Exact gaps between consecutive matching events.
    package var gapsMs: [UInt64] = []
    /// The first match is at most this position among all events with this name (1-based).
    package var rankMax: Int?

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        name = try reader.requiredString("event")
        engine = try reader.string("engine")
        task = try reader.string("task")
        detail = try reader.string("detail")
        client = try reader.string("client")
        count = try reader.unsigned("count").map { Int($0) }
        countMin = try reader.unsigned("countMin").map { Int($0) }
        countMax = try reader.unsigned("countMax").map { Int($0) }
        let window = try reader.array("withinMs")
        if !window.isEmpty {
            guard window.count == 2 else { throw ScenarioError(.invalidValue, path: reader.path("withinMs"), "[from, to]") }
            withinMs = (try StrictReader.unsigned(window[0].value, path: window[0].path, max: .max),
                        try StrictReader.unsigned(window[1].value, path: window[1].path, max: .max))
        }
        for (time, timePath) in try reader.array("atMs") { atMs.append(try StrictReader.unsigned(time, path: timePath, max: .max)) }
        for (gap, gapPath) in try reader.array("gapsMs") { gapsMs.append(try StrictReader.unsigned(gap, path: gapPath, max: .max)) }
        rankMax = try reader.unsigned("rankMax").map { Int($0) }
        try reader.finish()
    }

    /// One line naming the filter, for reports.
    package var label: String {
        var parts = [name]
        if let engine { parts.append("engine=\(engine)") }
        if let task { parts.append("task=\(task)") }
        if let detail { parts.append("detail=\(detail)") }
        if let client { parts.append("client=\(client)") }
        return parts.joined(separator: " ")
    }
}
