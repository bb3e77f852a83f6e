import Wire

/// A scripted engine across its processes: `process` is the default behaviour, `lives[i]` (merged
/// over it) the behaviour of the i-th spawned process; spawns past the end of `lives` use `process`.
package struct EngineScript: Sendable {
    package var process = ProcessScript()
    package var lives: [ProcessScript] = []
    package var dependencies = DependencyScript()

    package init() {}

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        let processJSON = reader.value("process") ?? .object(JSONObject())
        process = try ProcessScript(processJSON, path: reader.path("process"))
        for (life, lifePath) in try reader.array("lives") {
            lives.append(try ProcessScript(JSONMerge.merge(life, over: processJSON), path: lifePath))
        }
        if let dependencies = reader.value("dependencies") {
            self.dependencies = try DependencyScript(dependencies, path: reader.path("dependencies"))
        }
        try reader.finish()
    }

    /// The script of spawn number `index` (0-based).
    package func life(_ index: Int) -> ProcessScript { index < lives.count ? lives[index] : process }
}
