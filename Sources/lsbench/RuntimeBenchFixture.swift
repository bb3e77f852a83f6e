import Core
import Foundation
import Runtime

/// What `runtime-soak` and `runtime-latency` share: where `lsref` is, a tiny audio file for it, and
/// the engine configuration that runs it under the real `RuntimeDriver`.
enum RuntimeBenchFixture {
    /// The engine id both benchmarks use.
    static let engine: EngineID = "lsref"
    /// Milliseconds of silence in the audio file (no words: the transcript is empty, the reply small).
    static let silenceMs = 100
    static let sampleRateHz = 16_000

    /// An absolute path: `option` if given, else `lsref` next to this executable.
    static func lsrefPath(_ option: String?) -> String {
        let path = option ?? (CommandLine.arguments[0] as NSString).deletingLastPathComponent + "/lsref"
        if path.hasPrefix("/") { return path }
        return FileManager.default.currentDirectoryPath + "/" + (path.isEmpty ? "lsref" : path)
    }

    /// A fresh directory under the system temporary directory.
    static func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "lsbench-runtime-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `silence.wav` (16-bit mono PCM, `silenceMs` of zeros) into `directory`; returns its path.
    static func writeSilentWAV(in directory: String) throws -> String {
        let dataBytes = UInt32(sampleRateHz * silenceMs / 1_000 * 2)
        var bytes: [UInt8] = []
        func text(_ value: String) { bytes += Array(value.utf8) }
        func little(_ value: UInt32, _ count: Int) {
            for index in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * index))) }
        }
        text("RIFF"); little(36 + dataBytes, 4); text("WAVE")
        text("fmt "); little(16, 4); little(1, 2); little(1, 2)
        little(UInt32(sampleRateHz), 4); little(UInt32(sampleRateHz * 2), 4); little(2, 2); little(16, 2)
        text("data"); little(dataBytes, 4)
        bytes += [UInt8](repeating: 0, count: Int(dataBytes))
        let path = directory + "/silence.wav"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Health probe interval while an engine reports `loading` at startup (lsref with `--step-ms 0`
    /// loads at once and answers `ok`; slower starts would otherwise wait the default 1 s per probe).
    static let loadingProbeIntervalMs: UInt64 = 10

    /// `lsref` with `arguments`, no progress-step delay, a `loadingProbeIntervalMs` loading probe, short
    /// stop graces, and `restart` as its policy.
    static func configuration(
        lsref: String, arguments: [String], restart: RestartPolicy
    ) -> RuntimeDriverConfiguration {
        let spawn = SpawnSpec(executable: lsref, arguments: arguments + ["--step-ms", "0"])
        var engine = EngineConfiguration(id: engine, spawn: spawn)
        engine.restart = restart
        engine.health.loadingProbeIntervalMs = loadingProbeIntervalMs
        engine.stop.stopRequestGraceMs = 1_000
        engine.stop.steps = [StopStep(signal: .terminate, graceMs: 1_000)]
        var configuration = RuntimeDriverConfiguration(coordinator: CoordinatorConfiguration(engines: [engine]))
        configuration.shutdownGraceMs = 5_000
        return configuration
    }

    /// Zero backoff, no restart limit, no start limit: the engine restarts at once after every crash.
    static let restartAtOnce: RestartPolicy = {
        var policy = RestartPolicy()
        policy.backoff = .exponential(initialMs: 0, multiplier: 1, capMs: 0)
        policy.restartsMax = nil
        policy.startLimitBurst = nil
        policy.stableResetMs = nil
        return policy
    }()

    static func format(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : String(format: "%.2f", value)
    }
}
