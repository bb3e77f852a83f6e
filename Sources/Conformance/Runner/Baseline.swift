import Foundation

/// Expected failures (`--baseline FILE`): one case id per line, `#` starts a comment. A listed case
/// that fails is XFAIL (does not fail the run); a listed case that passes is STALE (fails the run,
/// so the baseline shrinks as the engine improves).
package enum Baseline {
    package static func parse(_ text: String) -> Set<String> {
        var ids: Set<String> = []
        for line in text.split(separator: "\n") {
            let content = line.prefix { $0 != "#" }.trimmingCharacters(in: .whitespaces)
            if !content.isEmpty { ids.insert(content) }
        }
        return ids
    }

    static func apply(_ baseline: Set<String>?, to result: CaseResult) -> CaseResult {
        guard let baseline, baseline.contains(result.id) else { return result }
        var result = result
        switch result.verdict {
        case .fail, .warn, .info:
            result.verdict = .expectedFailure
            result.note = "listed in the baseline"
        case .pass:
            result.verdict = .stale
            result.note = "listed in the baseline as an expected failure, but it passes: remove it from the baseline"
        case .expectedFailure, .stale:
            break
        }
        return result
    }
}
