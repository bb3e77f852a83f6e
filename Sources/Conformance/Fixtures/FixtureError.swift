/// Fixtures could not be prepared (exit code 4, or 2 for a bad `--audio`).
package struct FixtureError: Error, Sendable, Equatable, CustomStringConvertible {
    package var description: String
    package init(_ description: String) { self.description = description }
}
