/// The requirement level of a SPEC rule id.
package enum RuleLevel: String, Sendable, Equatable {
    case must = "MUST"
    case should = "SHOULD"
    case may = "MAY"

    package init(rule: String) {
        if rule.contains("-MUST") {
            self = .must
        } else if rule.contains("-SHOULD") {
            self = .should
        } else {
            precondition(rule.contains("-MAY"), "rule id \(rule) has no level")
            self = .may
        }
    }
}
