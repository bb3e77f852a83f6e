import Core
import Wire

/// A fault injected at a virtual time, scripted in the scenario or drawn by `lssim explore`.
package struct FaultSpec: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable, CaseIterable {
        /// The engine's current process dies with `signal` (9: looks like the OOM killer).
        case crash
        /// The process stops doing anything for `durationMs` (0: forever); signals still work.
        case hang
        /// The process's stdout pipe delivers nothing for `durationMs`.
        case stall
        /// The clock jumps ahead by `durationMs`: everything due in between happens at once, late.
        case clockJump = "clock_jump"
        /// The process writes `lines` unparseable lines.
        case garbage
    }

    package var atMs: UInt64
    package var kind: Kind
    package var engine: EngineID?
    package var durationMs: UInt64 = 0
    package var signal: Int32 = 9
    package var lines = 1

    package init(atMs: UInt64, kind: Kind, engine: EngineID?) {
        self.atMs = atMs
        self.kind = kind
        self.engine = engine
    }

    package init(_ value: JSONValue, path: String) throws(ScenarioError) {
        var reader = try StrictReader(value, path: path)
        atMs = try reader.unsigned("atMs") ?? 0
        kind = try reader.choice("kind", Kind.allCases.map { ($0.rawValue, $0) }) ?? .crash
        engine = try reader.string("engine").map { EngineID($0) }
        durationMs = try reader.unsigned("durationMs") ?? 0
        signal = Int32(try reader.unsigned("signal", max: 64) ?? 9)
        lines = Int(try reader.unsigned("lines", max: 10_000) ?? 1)
        try reader.finish()
        if kind != .clockJump && engine == nil {
            throw ScenarioError(.missingMember, path: reader.path("engine"), "\(kind.rawValue) needs an engine")
        }
    }

    /// The scenario-file form (members in a fixed order).
    package var json: JSONValue {
        var object: JSONObject = ["atMs": .number(JSONNumber(atMs)), "kind": .string(kind.rawValue)]
        if let engine { object["engine"] = .string(engine.name) }
        switch kind {
        case .crash: object["signal"] = .number(JSONNumber(Int(signal)))
        case .hang, .stall, .clockJump: object["durationMs"] = .number(JSONNumber(durationMs))
        case .garbage: object["lines"] = .number(JSONNumber(lines))
        }
        return .object(object)
    }
}
