import Audio
import Wire
import Core
import Foundation
import Runtime
import Sim
import Testing

extension ScenarioParityRealRun {
    /// The scenario's coordinator configuration, scaled, with every reference engine spawning lsref.
    func configuration(_ directory: String) throws -> RuntimeDriverConfiguration {
        var generator = SeededGenerator(seed: scenario.seed)
        var coordinator = ScenarioParityScaling.coordinator(
            scenario.coordinatorConfiguration(seed: generator.next()), factor: factor)
        for (index, engine) in scenario.engines.enumerated() {
            guard engine.kind == .reference else {
                Issue.record("engine \(engine.id) is scripted; parity runs take reference engines only")
                continue
            }
            coordinator.engines[index].spawn = try spawn(engine, markers: directory + "/lives-\(index)")
        }
        return RuntimeDriverConfiguration(coordinator: coordinator)
    }

    /// lsref with the engine's flags; with `lives`, a shell that picks the flags of the first spawns.
    func spawn(_ engine: EngineSetup, markers: String) throws -> SpawnSpec {
        let arguments = ScenarioParityScaling.lsrefArguments(engine.reference.arguments, factor: factor)
        guard !engine.reference.lives.isEmpty else { return SpawnSpec(executable: lsref, arguments: arguments) }
        try FileManager.default.createDirectory(atPath: markers, withIntermediateDirectories: true)
        var script = ""
        for (index, life) in engine.reference.lives.enumerated() {
            let marker = Self.quoted(markers + "/\(index)")
            let flags = ScenarioParityScaling.lsrefArguments(life, factor: factor)
            script += "if [ ! -e \(marker) ]; then : > \(marker); exec \(command(flags)); fi\n"
        }
        script += "exec \(command(arguments))\n"
        return SpawnSpec(executable: "/bin/sh", arguments: ["-c", script])
    }

    private func command(_ flags: [String]) -> String {
        ([lsref] + flags).map(Self.quoted).joined(separator: " ")
    }

    static func quoted(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The scenario's audio files (tone speech of their words) in the run's directory.
    func writeAudio() throws {
        for (path, words) in scenario.audio {
            let bytes = ToneSpeech.render(words).encoded()
            try Data(bytes).write(to: URL(fileURLWithPath: audioDirectory + "/" + path))
        }
    }
}
