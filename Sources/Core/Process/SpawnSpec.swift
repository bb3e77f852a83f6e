/// What the driver needs to start an engine process: no shell, an argument vector, and an explicit
/// environment (merged over the driver's own by the driver). The child gets its own process group.
package struct SpawnSpec: Hashable, Sendable {
    package var executable: String
    package var arguments: [String]
    /// Extra environment variables, in this order.
    package var environment: [(name: String, value: String)]
    package var workingDirectory: String?

    package init(
        executable: String, arguments: [String] = [], environment: [(String, String)] = [],
        workingDirectory: String? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment.map { (name: $0.0, value: $0.1) }
        self.workingDirectory = workingDirectory
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.executable == b.executable && a.arguments == b.arguments
            && a.workingDirectory == b.workingDirectory
            && a.environment.map(\.name) == b.environment.map(\.name)
            && a.environment.map(\.value) == b.environment.map(\.value)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(executable)
        hasher.combine(arguments)
        hasher.combine(workingDirectory)
        for variable in environment { hasher.combine(variable.name); hasher.combine(variable.value) }
    }
}
