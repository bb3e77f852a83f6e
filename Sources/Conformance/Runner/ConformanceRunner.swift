import Dispatch
import Foundation
import Synchronization

/// Runs the selected cases against an engine: fixtures, preflight handshake, cases in parallel (each
/// with fresh engine processes), baseline and strictness, logs and machine-readable reports.
package enum ConformanceRunner {
    /// Bound on one case's total time before the run is abandoned as an internal error.
    static let caseTimeBoundSeconds = 60

    package static func run(_ configuration: RunConfiguration, catalog: [ConformanceCase] = CaseCatalog.all) -> RunReport {
        let started = MonotonicClock.nowNs()
        var report = RunReport()
        report.jobs = configuration.jobs
        defer { report.wallSeconds = Double(MonotonicClock.nowNs() - started) / 1e9 }
        let fixtures: FixtureSet
        do {
            fixtures = try FixtureSet.generate(
                longSeconds: configuration.longAudioSeconds, userAudioDirectory: configuration.audioDirectory)
        } catch {
            report.internalError = "fixtures: \(error)"
            return finished(report, started)
        }
        defer { fixtures.remove() }
        switch Preflight.run(configuration.command, replyTimeoutMs: configuration.replyTimeoutMs) {
        case .failure(let failure):
            report.startFailure = failure
            return finished(report, started)
        case .success(let profile):
            report.profile = profile
        }
        let selected = select(catalog, patterns: configuration.casePatterns)
        let logs = LogPlacement(keepDirectory: configuration.keepLogsDirectory)
        report.logsDirectory = logs.directory
        guard let results = execute(selected, configuration, fixtures: fixtures, profile: report.profile!, logs: logs) else {
            report.internalError = "a case did not finish within \(caseTimeBoundSeconds) s"
            return finished(report, started)
        }
        report.results = results
        if !logs.keepAll, let directory = logs.directory, !results.contains(where: { $0.transcriptPath != nil }) {
            rmdir(directory)
            report.logsDirectory = nil
        }
        return finished(report, started)
    }

    private static func finished(_ report: RunReport, _ started: UInt64) -> RunReport {
        var report = report
        report.wallSeconds = Double(MonotonicClock.nowNs() - started) / 1e9
        return report
    }

    /// Cases matching any pattern (all when there is none), in catalog order.
    package static func select(_ catalog: [ConformanceCase], patterns: [String]) -> [ConformanceCase] {
        guard !patterns.isEmpty else { return catalog }
        return catalog.filter { candidate in patterns.contains { candidate.matches($0) } }
    }

    private static func execute(
        _ cases: [ConformanceCase], _ configuration: RunConfiguration, fixtures: FixtureSet,
        profile: EngineProfile, logs: LogPlacement
    ) -> [CaseResult]? {
        let board = WorkBoard(caseCount: cases.count)
        let group = DispatchGroup()
        let workers = max(1, min(configuration.jobs, cases.count))
        for _ in 0..<workers {
            group.enter()
            let thread = Thread {
                while true {
                    guard let index = board.take() else { break }
                    let result = runCase(cases[index], configuration, fixtures: fixtures, profile: profile, logs: logs)
                    board.store(result, at: index)
                }
                group.leave()
            }
            thread.stackSize = 1 << 22
            thread.start()
        }
        let bound = DispatchTime.now() + .seconds(caseTimeBoundSeconds * (cases.count / workers + 1))
        guard group.wait(timeout: bound) == .success else { return nil }
        return board.results()
    }

    /// Runs one case on the calling thread and turns its outcome into a verdict.
    static func runCase(
        _ candidate: ConformanceCase, _ configuration: RunConfiguration, fixtures: FixtureSet,
        profile: EngineProfile, logs: LogPlacement
    ) -> CaseResult {
        let context = CaseContext(
            command: configuration.command, replyTimeoutMs: configuration.replyTimeoutMs,
            timingSlackMs: configuration.timingSlackMs, fixtures: fixtures, profile: profile)
        let started = MonotonicClock.nowNs()
        var result = CaseResult(
            id: candidate.id, rule: candidate.rule, title: candidate.title, verdict: .pass, durationMs: 0)
        do {
            result.note = try candidate.body(context)
        } catch {
            result.expected = error.expected
            result.actual = error.actual
            result.verdict = switch candidate.level {
            case .must: .fail
            case .should: configuration.strict ? .fail : .warn
            case .may: .info
            }
        }
        context.finish()
        result.durationMs = Int((MonotonicClock.nowNs() - started) / 1_000_000)
        result = Baseline.apply(configuration.baseline, to: result)
        if let path = logs.path(for: result) {
            result.transcriptPath = TranscriptLog.write(result, sessions: context.sessions, to: path)
        }
        return result
    }
}
