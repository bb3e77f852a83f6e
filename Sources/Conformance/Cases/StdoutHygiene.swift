import Wire

/// Sorts stdout lines that are not JSON messages into non-protocol text (a banner, a debug print)
/// and messages spread over several lines (pretty-printed JSON).
enum StdoutHygiene {
    static func classify(_ lines: [OutputLine]) -> (stray: [OutputLine], spanning: [[OutputLine]]) {
        var stray: [OutputLine] = []
        var spanning: [[OutputLine]] = []
        var run: [OutputLine] = []
        func closeRun() {
            defer { run = [] }
            guard !run.isEmpty else { return }
            let joined = run.map(\.bytes).joined(separator: [0x0A]).map { $0 }
            let parsed: JSONValue?
            do { parsed = try JSONParser.parse(Array(joined)) } catch { parsed = nil }
            if run.count > 1, parsed?.objectValue != nil || parsed?.arrayValue != nil {
                spanning.append(run)
            } else {
                stray += run
            }
        }
        for line in lines {
            switch line.json {
            case .object?, .array?: closeRun()
            default: run.append(line)
            }
        }
        closeRun()
        return (stray, spanning)
    }
}
