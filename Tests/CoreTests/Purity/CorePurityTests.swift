import Foundation
import Testing

/// The core is pure (STYLE rules 2, 3, 6, 7): its sources import only Wire and reach for no clock,
/// sleep, dispatch queue, system randomness or I/O.
@Suite("Core purity")
struct CorePurityTests {
    static let forbidden = [
        "import Foundation", "import Dispatch", "import Glibc", "import Darwin", "import Synchronization",
        "Date()", "Task.sleep", "DispatchQueue", ".random(", "SystemRandomNumberGenerator", "shuffled(",
        "ContinuousClock", "SuspendingClock", "FileManager", "FileHandle", "fopen(", "print(",
        "@unchecked Sendable",
    ]

    static func coreSources() throws -> [(path: String, text: String)] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources/Core")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var sources: [(String, String)] = []
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            sources.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        return sources.sorted { $0.0 < $1.0 }
    }

    @Test("Core sources use no I/O, clocks, sleeps, dispatch or system randomness")
    func noImpurity() throws {
        let sources = try Self.coreSources()
        #expect(sources.count > 40)
        for (path, text) in sources {
            let code = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("//") }
            for pattern in Self.forbidden {
                #expect(!code.contains { $0.contains(pattern) }, "\(pattern) in \(path)")
            }
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                #expect(line == "import Wire", "\(line) in \(path)")
            }
        }
    }

    @Test("Core files stay small: none over 600 lines, median at most 250")
    func fileSizes() throws {
        let counts = try Self.coreSources().map { $0.text.split(separator: "\n", omittingEmptySubsequences: false).count }
        #expect(counts.allSatisfy { $0 <= 600 })
        #expect(counts.sorted()[counts.count / 2] <= 250)
    }
}
