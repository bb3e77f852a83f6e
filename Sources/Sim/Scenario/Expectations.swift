import Wire

/// What must hold after a run (scenario member `expect`).
package struct Expectations: Sendable {
    package var events: [EventExpectation] = []
    /// Engine id → phase (`running`, `failed`, `stopped`, `backing_off`, a startup stage, …).
    package var engineStates: [(engine: String, state: String)] = []
    /// Task alias → `pending`, `running`, `completed`, `cancelled`, `failed` or `failed:<code>`.
    package var taskStates: [(alias: String, state: String)] = []
    /// Groups of aliases that must name the same task (idempotent resubmission).
    package var sameTask: [[String]] = []
    /// Aliases in the order their first `task.started` must come.
    package var startOrder: [String] = []
    /// Submissions (by alias) that must be rejected, with the error code.
    package var rejected: [(alias: String, code: String)] = []

    package init() {}

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        for (event, eventPath) in try reader.array("events") { events.append(try EventExpectation(event, path: eventPath)) }
        if let final = try reader.object("final") {
            var final = final
            if let engines = try final.object("engines") {
                for key in engines.object.keys { engineStates.append((key, try Self.text(engines, key))) }
            }
            if let tasks = try final.object("tasks") {
                for key in tasks.object.keys { taskStates.append((key, try Self.text(tasks, key))) }
            }
            try final.finish()
        }
        for (group, groupPath) in try reader.array("sameTask") {
            guard case .array(let names) = group else { throw ScenarioError(.wrongType, path: groupPath, "expected an array") }
            sameTask.append(names.compactMap(\.stringValue))
        }
        startOrder = try reader.strings("startOrder")
        if let rejected = try reader.object("rejected") {
            for key in rejected.object.keys { self.rejected.append((key, try Self.text(rejected, key))) }
        }
        try reader.finish()
    }

    private static func text(_ reader: StrictReader, _ key: String) throws(ScenarioError) -> String {
        guard case .string(let text)? = reader.object[key] else {
            throw ScenarioError(.wrongType, path: reader.path(key), "expected a string")
        }
        return text
    }
}
