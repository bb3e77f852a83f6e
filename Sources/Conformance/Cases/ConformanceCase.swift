/// One conformance case: data (id, rule, title) plus a small check function.
///
/// `id` is `<group>/<slug>` (`framing/byte-at-a-time`); `rule` is the SPEC rule id it cites
/// (`2.2-MUST-3`), whose level decides the verdict when the check fails (MUST → FAIL, SHOULD → WARN,
/// MAY → INFO). The body starts its own engines through the context, throws `CaseFailure` when the
/// engine breaks the rule, and may return a note (shown with PASS, e.g. what was not exercised).
package struct ConformanceCase: Sendable {
    package var id: String
    package var rule: String
    package var title: String
    package var body: @Sendable (CaseContext) throws(CaseFailure) -> String?

    package init(
        _ id: String, rule: String, _ title: String,
        _ body: @escaping @Sendable (CaseContext) throws(CaseFailure) -> String?
    ) {
        precondition(id.contains("/"), "case id \(id) needs a group")
        self.id = id
        self.rule = rule
        self.title = title
        self.body = body
    }

    package var group: String { String(id.prefix { $0 != "/" }) }
    package var level: RuleLevel { RuleLevel(rule: rule) }

    /// `--case` selection: a prefix of the id (so a group name selects the group) or of the rule id.
    package func matches(_ pattern: String) -> Bool {
        id.hasPrefix(pattern) || rule.hasPrefix(pattern)
    }
}
