import Core
import Wire

/// The first line of a trace: enough to re-run it (`lssim replay`).
package struct TraceHeader: Sendable {
    package static let format = "lssim-trace"
    package static let version = 1

    package var scenarioPath: String
    package var scenarioName: String
    package var seed: UInt64
    /// The faults the run used (the scenario's own, or an explored/shrunk schedule).
    package var faults: [FaultSpec]
    /// Whether the run checked expectations (`lssim run`) or only invariants (`explore`).
    package var expectations: Bool
    /// Whether the explore liveness phase ran.
    package var liveness: Bool

    package init(scenarioPath: String, scenarioName: String, seed: UInt64, faults: [FaultSpec],
                 expectations: Bool = true, liveness: Bool = false) {
        self.scenarioPath = scenarioPath
        self.scenarioName = scenarioName
        self.seed = seed
        self.faults = faults
        self.expectations = expectations
        self.liveness = liveness
    }

    package var json: JSONValue {
        [
            "format": .string(Self.format), "version": .number(JSONNumber(Self.version)),
            "scenario": .string(scenarioPath), "name": .string(scenarioName), "seed": .number(JSONNumber(seed)),
            "faults": .array(faults.map(\.json)), "expectations": .bool(expectations), "liveness": .bool(liveness),
        ]
    }

    /// Reads a header line; nil when it is not an lssim trace of this version.
    package init?(line: [UInt8]) {
        guard let json = try? JSONParser.parse(line), json["format"]?.stringValue == Self.format,
            json["version"]?.intValue == Self.version, let path = json["scenario"]?.stringValue,
            let seed = json["seed"]?.numberValue.flatMap({ UInt64($0.text) }), let faults = json["faults"]?.arrayValue
        else { return nil }
        var decoded: [FaultSpec] = []
        for (index, fault) in faults.enumerated() {
            guard let spec = try? FaultSpec(fault, path: "faults[\(index)]") else { return nil }
            decoded.append(spec)
        }
        self.init(scenarioPath: path, scenarioName: json["name"]?.stringValue ?? "", seed: seed, faults: decoded,
                  expectations: json["expectations"]?.boolValue ?? true, liveness: json["liveness"]?.boolValue ?? false)
    }
}
