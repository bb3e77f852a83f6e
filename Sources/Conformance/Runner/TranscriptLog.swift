import Foundation

/// Writes a case's full byte transcript: header (case, rule, verdict, expected/actual), then for
/// every engine the case started, each chunk sent, read from stdout and read from stderr, with the
/// time since that engine started. Bytes outside printable ASCII are escaped (`\n`, `\xff`).
enum TranscriptLog {
    static func write(_ result: CaseResult, sessions: [EngineSession], to path: String) -> String? {
        var text = "case: \(result.id)\nrule: \(result.rule)\ntitle: \(result.title)\nverdict: \(result.verdict.rawValue)\n"
        if let expected = result.expected { text += "expected: \(expected)\n" }
        if let actual = result.actual { text += "actual: \(actual)\n" }
        if let note = result.note { text += "note: \(note)\n" }
        text += "legend: -> sent to stdin, <- read from stdout, !! read from stderr, ## runner note\n"
        for (number, session) in sessions.enumerated() {
            text += "\n== engine \(number + 1) (pid \(session.process.pid))"
            text += session.exitStatus.map { ", \($0)" } ?? ""
            text += "\n"
            for entry in session.transcript { text += entry.logLine + "\n" }
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else { return nil }
        return path
    }
}
