import Core
import Wire

/// One engine of a scenario: its coordinator-side configuration and what plays the engine.
package struct EngineSetup: Sendable {
    package enum Kind: String, Sendable {
        /// A `EngineScript` stand-in.
        case scripted
        /// The real SDK session machine hosting the reference engine's planner.
        case reference
    }

    package var configuration: EngineConfiguration
    package var kind = Kind.scripted
    package var script = EngineScript()
    /// lsref's flags per process, when `kind` is `reference`.
    package var reference = ReferenceScript()
    /// Started at time 0 by the simulated operator.
    package var autoStart = true

    package var id: EngineID { configuration.id }

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        let name = try reader.requiredString("id")
        var configuration = EngineConfiguration(
            id: EngineID(name), spawn: SpawnSpec(executable: "/sim/engines/\(name)", arguments: ["--stdio"]))
        kind = try reader.choice("kind", [("scripted", .scripted), ("reference", .reference)]) ?? .scripted
        autoStart = try reader.bool("autoStart") ?? true
        if let restart = reader.value("restart") {
            configuration.restart = try PolicyDecoding.restart(restart, path: reader.path("restart"))
        }
        if let health = try reader.object("health") { configuration.health = try PolicyDecoding.health(health) }
        if let startup = try reader.object("startup") { configuration.startup = try PolicyDecoding.startup(startup) }
        if let stop = try reader.object("stop") { configuration.stop = try PolicyDecoding.stop(stop) }
        configuration.requestsInFlightMax = Int(try reader.unsigned("requestsInFlightMax", max: 4_096) ?? 1)
        configuration.costCapacity = try reader.unsigned("costCapacity", max: UInt64(UInt32.max)).map { UInt32($0) }
        configuration.installsMissingDependencies = try reader.bool("installsMissingDependencies") ?? true
        configuration.initialize.heartbeatIntervalMs = UInt32(try reader.unsigned("heartbeatIntervalMs", max: 3_600_000) ?? 0)
        if let bytes = try reader.unsigned("maxMessageBytes", max: 1 << 30) { configuration.initialize.maxMessageBytes = Int(bytes) }
        if let script = reader.value("script") { self.script = try EngineScript(script, path: reader.path("script")) }
        configuration.dependencies = try reader.strings("dependencies")
        if let reference = reader.value("reference") {
            self.reference = try ReferenceScript(reference, path: reader.path("reference"))
        }
        try reader.finish()
        self.configuration = configuration
    }
}
