/// Why a case did not pass: what the SPEC rule expects and what the engine did.
package struct CaseFailure: Error, Sendable, Equatable {
    package var expected: String
    package var actual: String

    package init(expected: String, actual: String) {
        self.expected = expected
        self.actual = actual
    }
}

/// Throws a `CaseFailure` unless `condition` holds.
package func require(
    _ condition: Bool, expected: @autoclosure () -> String, actual: @autoclosure () -> String
) throws(CaseFailure) {
    guard condition else { throw CaseFailure(expected: expected(), actual: actual()) }
}
