import Wire

/// How `lssim explore` perturbs this scenario.
package struct ExploreSettings: Hashable, Sendable {
    /// Faults drawn per seed (0…this many).
    package var faultsMax = 6
    package var kinds: [FaultSpec.Kind] = FaultSpec.Kind.allCases
    /// After the faulty phase: a fault-free phase of this length in which every task must finish
    /// (failed engines are restarted by the simulated operator first).
    package var livenessMs: UInt64 = 300_000
    /// Whether the liveness phase is checked (off for scenarios that hang on purpose).
    package var liveness = false

    package init() {}

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        faultsMax = Int(try reader.unsigned("faultsMax", max: 1_000) ?? 6)
        let names = try reader.strings("kinds")
        if !names.isEmpty {
            kinds = []
            for name in names {
                guard let kind = FaultSpec.Kind(rawValue: name) else {
                    throw ScenarioError(.invalidValue, path: reader.path("kinds"), "unknown fault kind \(name)")
                }
                kinds.append(kind)
            }
        }
        livenessMs = try reader.unsigned("livenessMs") ?? livenessMs
        liveness = try reader.bool("liveness") ?? false
        try reader.finish()
    }
}
