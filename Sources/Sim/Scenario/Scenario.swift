import Core
import Wire

/// A scenario file (`Scenarios/*.json`, format in `Scenarios/README.md`): engines with their scripts,
/// coordinator settings, client steps over time, faults, a seed and expectations.
package struct Scenario: Sendable {
    package var name: String
    package var description = ""
    package var seed: UInt64 = 1
    /// Virtual time the run covers.
    package var runMs: UInt64 = 60_000
    /// Split every pipe write into 1–4 chunks at seeded positions (and jitter delivery by 0–1 ms).
    package var chunking = true
    package var scheduler = SchedulerConfiguration.default
    package var eventHistoryMax = 1_000
    package var engines: [EngineSetup] = []
    package var steps: [ClientStep] = []
    package var faults: [FaultSpec] = []
    package var expectations = Expectations()
    package var explore = ExploreSettings()
    /// Run the O(tasks) invariant scans every this many steps (the cheap ones run every step).
    package var thoroughCheckEvery = 1
    /// The simulated file system of hosted reference engines: audio path → words rendered as tone speech.
    package var audio: [(path: String, words: [String])] = []

    package init(name: String) { self.name = name }

    /// Parses a scenario file's bytes.
    package init(bytes: [UInt8]) throws(ScenarioError) {
        let json: JSONValue
        do throws(JSONError) {
            json = try JSONParser.parse(bytes)
        } catch {
            throw ScenarioError(.invalidJSON, path: "", "\(error)")
        }
        try self.init(json)
    }

    package init(_ json: JSONValue) throws(ScenarioError) {
        var reader = try StrictReader(json, path: "")
        name = try reader.requiredString("name")
        description = try reader.string("description") ?? ""
        seed = try reader.unsigned("seed", max: .max) ?? 1
        runMs = try reader.unsigned("runMs") ?? runMs
        chunking = try reader.bool("chunking") ?? true
        if let coordinator = try reader.object("coordinator") {
            var coordinator = coordinator
            if let scheduler = try coordinator.object("scheduler") { self.scheduler = try PolicyDecoding.scheduler(scheduler) }
            eventHistoryMax = Int(try coordinator.unsigned("eventHistoryMax", max: 1 << 20) ?? 1_000)
            try coordinator.finish()
        }
        for (engine, enginePath) in try reader.array("engines") { engines.append(try EngineSetup(engine, path: enginePath)) }
        for (step, stepPath) in try reader.array("steps") { steps.append(try ClientStep(step, path: stepPath)) }
        for (fault, faultPath) in try reader.array("faults") { faults.append(try FaultSpec(fault, path: faultPath)) }
        if let expect = reader.value("expect") { expectations = try Expectations(expect, path: "expect") }
        if let explore = reader.value("explore") { self.explore = try ExploreSettings(explore, path: "explore") }
        thoroughCheckEvery = Int(try reader.unsigned("thoroughCheckEvery", max: 1 << 30) ?? 1)
        if let audio = try reader.object("audio") {
            for key in audio.object.keys.sorted() {
                var entries = audio
                guard case .array(let words)? = entries.value(key) else {
                    throw ScenarioError(.wrongType, path: audio.path(key), "expected an array of words")
                }
                self.audio.append((key, words.compactMap(\.stringValue)))
            }
        }
        try reader.finish()
        try validate()
    }

    private func validate() throws(ScenarioError) {
        guard !engines.isEmpty else { throw ScenarioError(.missingMember, path: "engines", "at least one engine") }
        var names: [EngineID] = []
        for (index, engine) in engines.enumerated() {
            guard !names.contains(engine.id) else {
                throw ScenarioError(.invalidValue, path: "engines[\(index)].id", "engine \(engine.id) twice")
            }
            names.append(engine.id)
        }
        for (index, fault) in faults.enumerated() {
            if let engine = fault.engine, !names.contains(engine) {
                throw ScenarioError(.unknownReference, path: "faults[\(index)].engine", "no engine \(engine)")
            }
        }
        guard thoroughCheckEvery >= 1 else { throw ScenarioError(.invalidValue, path: "thoroughCheckEvery", "at least 1") }
    }

    /// The coordinator configuration this scenario runs with; its seed comes from the run's seed.
    package func coordinatorConfiguration(seed: UInt64) -> CoordinatorConfiguration {
        var configuration = CoordinatorConfiguration(engines: engines.map(\.configuration))
        configuration.scheduler = scheduler
        configuration.eventHistoryMax = eventHistoryMax
        configuration.seed = seed
        return configuration
    }
}
