import Core
import Wire

/// One thing a simulated client (or the operator) does at a virtual time (scenario `steps`).
package struct ClientStep: Sendable {
    package enum Action: Sendable {
        /// Submit a task under an alias (`as`); repeated steps get `alias#i`.
        case submit(alias: String, SubmitSpec)
        case cancel(alias: String)
        /// Follow a job's events (`*`: the coordinator-wide log); catches up by replaying from the start.
        case subscribe(alias: String)
        case disconnect
        /// Replays every subscription after the last event id seen.
        case reconnect
        case engine(EngineCommand, EngineID)
        case startAll
        case stopAll
    }

    package enum EngineCommand: String, Sendable { case start, stop, restart }

    package var atMs: UInt64
    package var client: String
    package var action: Action
    /// Repeat `repeat` times, `everyMs` apart.
    package var repeatCount = 1
    package var everyMs: UInt64 = 0

    package init(atMs: UInt64, client: String, action: Action) {
        self.atMs = atMs
        self.client = client
        self.action = action
    }

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        atMs = try reader.unsigned("atMs") ?? 0
        client = try reader.string("client") ?? "main"
        repeatCount = Int(try reader.unsigned("repeat", max: 1_000_000) ?? 1)
        everyMs = try reader.unsigned("everyMs") ?? 0
        var actions: [Action] = []
        if let submit = try reader.object("submit") {
            actions.append(.submit(alias: try submit.objectAlias(), try SubmitSpec(submit)))
        }
        if let alias = try reader.string("cancel") { actions.append(.cancel(alias: alias)) }
        if let alias = try reader.string("subscribe") { actions.append(.subscribe(alias: alias)) }
        if try reader.bool("disconnect") == true { actions.append(.disconnect) }
        if try reader.bool("reconnect") == true { actions.append(.reconnect) }
        for command in [EngineCommand.start, .stop, .restart] {
            if let engine = try reader.string(command.rawValue) {
                actions.append(engine == "*" ? (command == .stop ? .stopAll : .startAll) : .engine(command, EngineID(engine)))
            }
        }
        try reader.finish()
        guard actions.count == 1 else {
            throw ScenarioError(.invalidValue, path: path, "a step does exactly one of submit, cancel, subscribe, "
                + "disconnect, reconnect, start, stop, restart")
        }
        action = actions[0]
    }
}

extension StrictReader {
    fileprivate func objectAlias() throws(ScenarioError) -> String {
        guard case .string(let alias)? = object["as"] else {
            throw ScenarioError(.missingMember, path: path("as"), "a submit needs an alias")
        }
        return alias
    }
}
