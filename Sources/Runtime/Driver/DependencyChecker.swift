/// Answers the core's dependency actions. The default treats each dependency as a path that must
/// exist and installs nothing; the CLI can supply its own (e.g. Python packages).
package struct DependencyChecker: Sendable {
    /// The dependencies that are missing.
    package var missing: @Sendable ([String]) -> [String]
    /// nil on success, else why the install failed. Runs on the driver thread: keep it short.
    package var install: @Sendable ([String]) -> String?

    package init(
        missing: @escaping @Sendable ([String]) -> [String],
        install: @escaping @Sendable ([String]) -> String?
    ) {
        self.missing = missing
        self.install = install
    }

    package static let paths = DependencyChecker(
        missing: { dependencies in dependencies.filter { PosixSpawn.kind(of: $0) == .missing } },
        install: { dependencies in "no installer configured for \(dependencies.joined(separator: ", "))" })
}
