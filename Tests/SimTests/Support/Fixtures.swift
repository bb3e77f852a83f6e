import Foundation
import Sim

/// Paths and small helpers shared by the Sim tests.
enum Fixtures {
    /// The package root (three levels above this file).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static let scenariosDirectory = root + "/Scenarios"

    /// Scenario file names, sorted.
    static let scenarioNames: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenariosDirectory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }()

    static func scenario(_ name: String) throws -> Scenario {
        try ScenarioFiles.scenario(scenariosDirectory + "/" + name)
    }

    static func scenario(json: String) throws -> Scenario {
        try Scenario(bytes: Array(json.utf8))
    }

    /// A fresh directory for files a test writes.
    static func temporaryDirectory(_ name: String) -> String {
        let path = NSTemporaryDirectory() + "lssim-tests-\(name)-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
