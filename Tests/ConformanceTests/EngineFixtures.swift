import Conformance
import Foundation

/// Where the test engines live, and the run settings the tests share.
enum EngineFixtures {
    /// The package root, from this file's path.
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let brokenEngines = root + "/Conformance/broken-engines"

    /// The build's products directory (where lsref and lsconform are), next to the test bundle.
    static let productsDirectory: String = {
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL
        var directory = executable.deletingLastPathComponent()
        // On Linux the test runner is `<products>/<Package>PackageTests.xctest`; elsewhere it may sit inside a bundle.
        while directory.path != "/", !FileManager.default.fileExists(atPath: directory.appendingPathComponent("lsconform").path) {
            directory = directory.deletingLastPathComponent()
        }
        return directory.path
    }()

    /// Set LSCONFORM_FULL_SWEEP=1 to run every broken engine against the full suite (slow: ~20 × the
    /// base engine's run) instead of the cases around its flaw.
    static let fullSweep = ProcessInfo.processInfo.environment["LSCONFORM_FULL_SWEEP"] == "1"

    /// A run of `script` (in broken-engines/) over the cases matching `patterns` (all when empty).
    /// Generous timing slack: these tests judge verdicts, not the machine's speed.
    static func configuration(script: String, patterns: [String] = []) -> RunConfiguration {
        var configuration = RunConfiguration(command: EngineCommand(arguments: ["python3", brokenEngines + "/" + script]))
        configuration.casePatterns = patterns
        configuration.jobs = 8
        configuration.timingSlackMs = 250
        configuration.replyTimeoutMs = 2_500
        configuration.longAudioSeconds = 120
        return configuration
    }

    /// Removes the transcripts a run wrote for its non-passing cases (kept when a test fails).
    static func removeLogs(_ report: RunReport) {
        guard let directory = report.logsDirectory else { return }
        do { try FileManager.default.removeItem(atPath: directory) } catch { return }
    }

    /// The failing cases with their expected/actual text, for a readable test failure.
    static func describe(_ report: RunReport) -> String {
        if let failure = report.startFailure { return "start failure: \(failure.reason)\n\(failure.stderrTail)" }
        if let error = report.internalError { return "internal error: \(error)" }
        return report.results.filter { $0.verdict != .pass }
            .map { "\($0.verdict.rawValue) \($0.id): expected \($0.expected ?? "-"); actual \($0.actual ?? "-")" }
            .joined(separator: "\n")
    }
}
