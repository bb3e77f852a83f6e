/// The compact table lsconform prints, ending with the wall-time line and the exact summary line
/// `N passed, N failed, N warnings`.
package enum HumanReport {
    package static func render(_ report: RunReport, verbose: Bool = false) -> String {
        if let failure = report.startFailure {
            var text = "lsconform: the engine did not start or the handshake failed\n  \(failure.reason)\n"
            if !failure.stderrTail.isEmpty {
                text += "engine stderr (tail):\n"
                for line in failure.stderrTail.split(separator: "\n", omittingEmptySubsequences: false) { text += "  | \(line)\n" }
            }
            return text
        }
        if let error = report.internalError { return "lsconform: internal error: \(error)\n" }
        var width = 0
        for result in report.results { width = max(width, result.id.count) }
        var text = ""
        if let profile = report.profile {
            text += "engine: \(profile.name) \(profile.version); languages \(profile.languages.joined(separator: ","));"
            text += " maxConcurrentRequests \(profile.maxConcurrentRequests)\n"
        }
        for result in report.results {
            let verdict = result.verdict.rawValue.rightPadded(toLength: 5)
            text += "\(verdict) \(result.id.rightPadded(toLength: width))  \(result.rule.rightPadded(toLength: 16)) \(result.title)\n"
            guard result.verdict != .pass || verbose else { continue }
            if let expected = result.expected { text += "      expected: \(expected)\n" }
            if let actual = result.actual { text += "      actual:   \(actual)\n" }
            if let note = result.note { text += "      note:     \(note)\n" }
            if let path = result.transcriptPath { text += "      transcript: \(path)\n" }
        }
        let extras = [
            report.count(.info) > 0 ? "\(report.count(.info)) info" : nil,
            report.count(.expectedFailure) > 0 ? "\(report.count(.expectedFailure)) expected failures" : nil,
            report.count(.stale) > 0 ? "\(report.count(.stale)) stale baseline entries" : nil,
        ].compactMap { $0 }
        let seconds = (report.wallSeconds * 100).rounded() / 100
        text += "\(report.results.count) cases in \(seconds) s wall (jobs \(report.jobs))"
        text += extras.isEmpty ? "\n" : "; " + extras.joined(separator: ", ") + "\n"
        text += report.summaryLine + "\n"
        return text
    }

    /// `--list`: every case with its rule id and one-line description.
    package static func list(_ cases: [ConformanceCase]) -> String {
        var width = 0
        for candidate in cases { width = max(width, candidate.id.count) }
        var text = ""
        for candidate in cases {
            text += "\(candidate.id.rightPadded(toLength: width))  \(candidate.rule.rightPadded(toLength: 16)) \(candidate.title)\n"
        }
        return text + "\(cases.count) cases\n"
    }
}
