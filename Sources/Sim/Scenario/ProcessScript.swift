import Core
import Wire

/// How one scripted engine process behaves from spawn to exit (scenario member `process`, or one
/// entry of `lives` merged over it). Times are ms after the spawn unless named otherwise.
package struct ProcessScript: Sendable {
    package enum Handshake: String, Hashable, Sendable { case ok, error, silent, garbage }
    package enum Health: String, Hashable, Sendable { case ok, degraded, loading, error, silent }

    /// The spawn itself fails (`spawnFailed`).
    package var spawnFails = false
    /// Nothing is read from stdin before this (a slow start).
    package var startupDelayMs: UInt64 = 50
    package var handshake = Handshake.ok
    package var handshakeMs: UInt64 = 20
    package var health = Health.ok
    package var healthMs: UInt64 = 5
    /// Health answers `loading` until this long after the spawn.
    package var loadingForMs: UInt64 = 0
    /// From this long after the spawn on, health answers `healthFailure` instead.
    package var healthFailsAfterMs: UInt64?
    package var healthFailure = Health.error
    package var maxConcurrentRequests = 1
    /// The process exits by itself this long after the spawn, with `exitStatus`.
    package var exitAfterMs: UInt64?
    package var exitStatus = TerminationStatus.signaled(signal: 11)
    package var ignoresTerminate = false
    package var terminateExitMs: UInt64 = 10
    /// `stop` is answered and the process exits; false: `stop` is ignored (teardown goes on to signals).
    package var exitsOnStop = true
    package var stopExitMs: UInt64 = 10
    /// stderr lines written right after the spawn.
    package var stderrLines: [String] = []
    /// Unparseable stdout lines written right after the spawn.
    package var garbageOnStartLines = 0
    /// Extra processes in the engine's process group (they only die by signal).
    package var children = 0
    package var requests = RequestScript()
    /// Per-audio-path request scripts, sorted by path.
    package var requestsByAudio: [(path: String, script: RequestScript)] = []

    package init() {}

    static let healths: [(String, Health)] = [
        ("ok", .ok), ("degraded", .degraded), ("loading", .loading), ("error", .error), ("silent", .silent),
    ]

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        spawnFails = try reader.bool("spawnFails") ?? false
        startupDelayMs = try reader.unsigned("startupDelayMs") ?? startupDelayMs
        handshake = try reader.choice("handshake", [
            ("ok", .ok), ("error", .error), ("silent", .silent), ("garbage", .garbage),
        ]) ?? .ok
        handshakeMs = try reader.unsigned("handshakeMs") ?? handshakeMs
        health = try reader.choice("health", Self.healths) ?? .ok
        healthMs = try reader.unsigned("healthMs") ?? healthMs
        loadingForMs = try reader.unsigned("loadingForMs") ?? 0
        healthFailsAfterMs = try reader.unsigned("healthFailsAfterMs")
        healthFailure = try reader.choice("healthFailure", Self.healths) ?? .error
        maxConcurrentRequests = Int(try reader.unsigned("maxConcurrentRequests", max: 1_024) ?? 1)
        exitAfterMs = try reader.unsigned("exitAfterMs")
        if let status = try reader.object("exitStatus") { exitStatus = try RequestScript.status(status) }
        ignoresTerminate = try reader.bool("ignoresTerminate") ?? false
        terminateExitMs = try reader.unsigned("terminateExitMs") ?? terminateExitMs
        exitsOnStop = try reader.bool("exitsOnStop") ?? true
        stopExitMs = try reader.unsigned("stopExitMs") ?? stopExitMs
        stderrLines = try reader.strings("stderrLines")
        garbageOnStartLines = Int(try reader.unsigned("garbageOnStartLines", max: 10_000) ?? 0)
        children = Int(try reader.unsigned("children", max: 16) ?? 0)
        let requestsJSON = reader.value("requests") ?? .object(JSONObject())
        requests = try RequestScript(requestsJSON, path: reader.path("requests"))
        if let byAudio = try reader.object("requestsByAudio") {
            for key in byAudio.object.keys.sorted() {
                var entries = byAudio
                let merged = JSONMerge.merge(entries.value(key)!, over: requestsJSON)
                requestsByAudio.append((key, try RequestScript(merged, path: byAudio.path(key))))
            }
        }
        if maxConcurrentRequests < 1 { throw ScenarioError(.invalidValue, path: reader.path("maxConcurrentRequests"), "at least 1") }
        try reader.finish()
    }

    /// The script for a request on `audioPath`.
    package func request(audioPath: String) -> RequestScript {
        for entry in requestsByAudio where entry.path == audioPath { return entry.script }
        return requests
    }
}
