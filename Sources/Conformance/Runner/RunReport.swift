/// The outcome of a run: per-case results, or why the engine could not be tested at all.
package struct RunReport: Sendable {
    package var results: [CaseResult] = []
    /// Set when the engine did not start or the handshake failed (exit 3).
    package var startFailure: StartFailure?
    /// Set when the runner itself failed (exit 4).
    package var internalError: String?
    package var profile: EngineProfile?
    package var wallSeconds: Double = 0
    package var jobs = 1
    /// Where non-passing transcripts were written when `--keep-logs` was not given.
    package var logsDirectory: String?

    package struct StartFailure: Error, Sendable, Equatable {
        package var reason: String
        package var stderrTail: String
    }

    /// 0 every MUST passed; 1 some MUST failed (or a stale baseline entry); 3 engine did not start or
    /// handshake failed; 4 internal error. (2, usage, is the CLI's.)
    package var exitCode: Int32 {
        if internalError != nil { return 4 }
        if startFailure != nil { return 3 }
        return results.contains(where: \.failsRun) ? 1 : 0
    }

    package func count(_ verdict: CaseResult.Verdict) -> Int { results.count { $0.verdict == verdict } }

    /// The exact summary line: `N passed, N failed, N warnings`.
    package var summaryLine: String {
        "\(count(.pass)) passed, \(count(.fail) + count(.stale)) failed, \(count(.warn)) warnings"
    }

    /// Ids of the cases that fail the run, sorted.
    package var failingCaseIDs: [String] { results.filter(\.failsRun).map(\.id).sorted() }
}
