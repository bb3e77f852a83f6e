import Wire

/// `--json` and `--junit` renderings of a run.
package enum MachineReports {
    package static func json(_ report: RunReport) -> String {
        var cases: [JSONValue] = []
        for result in report.results {
            var members: [(String, JSONValue)] = [
                ("id", .string(result.id)), ("rule", .string(result.rule)), ("title", .string(result.title)),
                ("verdict", .string(result.verdict.rawValue)), ("durationMs", .number(JSONNumber(result.durationMs))),
            ]
            if let expected = result.expected { members.append(("expected", .string(expected))) }
            if let actual = result.actual { members.append(("actual", .string(actual))) }
            if let note = result.note { members.append(("note", .string(note))) }
            if let path = result.transcriptPath { members.append(("transcript", .string(path))) }
            cases.append(.object(JSONObject(members)))
        }
        var members: [(String, JSONValue)] = [
            ("exitCode", .number(JSONNumber(Int(report.exitCode)))),
            ("summary", .string(report.summaryLine)),
            ("passed", .number(JSONNumber(report.count(.pass)))),
            ("failed", .number(JSONNumber(report.count(.fail) + report.count(.stale)))),
            ("warnings", .number(JSONNumber(report.count(.warn)))),
            ("wallSeconds", .double(report.wallSeconds)),
            ("cases", .array(cases)),
        ]
        if let failure = report.startFailure {
            members.append(("startFailure", ["reason": .string(failure.reason), "stderrTail": .string(failure.stderrTail)]))
        }
        if let error = report.internalError { members.append(("internalError", .string(error))) }
        return JSONValue.object(JSONObject(members)).serializedString + "\n"
    }

    /// JUnit XML: one testsuite per case group, one testcase per case; FAIL and STALE are failures,
    /// WARN and INFO are system-out, XFAIL is skipped.
    package static func junit(_ report: RunReport) -> String {
        var groups: [String] = []
        for result in report.results where !groups.contains(group(of: result)) { groups.append(group(of: result)) }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"lsconform\" tests=\"\(report.results.count)\" failures=\"\(report.count(.fail) + report.count(.stale))\">\n"
        for name in groups {
            let members = report.results.filter { group(of: $0) == name }
            let failures = members.count(where: \.failsRun)
            xml += "  <testsuite name=\"\(escape(name))\" tests=\"\(members.count)\" failures=\"\(failures)\">\n"
            for result in members { xml += testcase(result) }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }

    private static func testcase(_ result: CaseResult) -> String {
        let time = Double(result.durationMs) / 1000
        var xml = "    <testcase classname=\"\(escape(group(of: result)))\" name=\"\(escape(result.id)) [\(escape(result.rule))]\" time=\"\(time)\">"
        let detail = "expected: \(result.expected ?? "-")\nactual: \(result.actual ?? "-")"
            + (result.note.map { "\nnote: \($0)" } ?? "") + (result.transcriptPath.map { "\ntranscript: \($0)" } ?? "")
        switch result.verdict {
        case .pass: break
        case .fail, .stale:
            xml += "\n      <failure message=\"\(escape(result.verdict.rawValue + " " + result.rule))\">\(escape(detail))</failure>\n    "
        case .warn, .info:
            xml += "\n      <system-out>\(escape(result.verdict.rawValue + "\n" + detail))</system-out>\n    "
        case .expectedFailure:
            xml += "\n      <skipped message=\"expected failure (baseline)\"/>\n    "
        }
        return xml + "</testcase>\n"
    }

    private static func group(of result: CaseResult) -> String { String(result.id.prefix { $0 != "/" }) }

    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20: out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
