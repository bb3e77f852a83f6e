/// Every case, grouped by SPEC section. To add a case: write a check function in the group's file
/// and add one `.init(id, rule:, title, function)` line to the group's list (Conformance/README.md).
package enum CaseCatalog {
    package static let all: [ConformanceCase] = framing + envelope + batch + lifecycle + domainResults + domainNotifications + domainConcurrency + domainRestart

    /// The groups, in report order.
    package static let groups = ["framing", "envelope", "batch", "lifecycle", "domain"]
}
