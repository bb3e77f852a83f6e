import Foundation

/// File access for `lssim` (the only I/O in Sim).
package enum ScenarioFiles {
    package struct FileError: Error, CustomStringConvertible {
        package var description: String
    }

    package static func read(_ path: String) throws(FileError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileError(description: "cannot read \(path)")
        }
        return [UInt8](data)
    }

    package static func write(_ bytes: [UInt8], to path: String) throws(FileError) {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw FileError(description: "cannot write \(path)")
        }
    }

    /// Reads and parses a scenario file.
    package static func scenario(_ path: String) throws -> Scenario {
        try Scenario(bytes: try read(path))
    }

    /// `Scenarios/*.json` under `directory`, sorted by name.
    package static func list(_ directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(directory)/\($0)" }
    }
}
