/// How to start the engine under test: argv only (never a shell), plus environment additions.
package struct EngineCommand: Sendable, Equatable {
    /// `argv[0]` is looked up in `PATH` when it has no `/`.
    package var arguments: [String]
    /// `K=V` pairs added to (or replacing in) the runner's own environment.
    package var environmentAdditions: [(key: String, value: String)]

    package init(arguments: [String], environmentAdditions: [(key: String, value: String)] = []) {
        precondition(!arguments.isEmpty, "an engine command needs argv[0]")
        self.arguments = arguments
        self.environmentAdditions = environmentAdditions
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.arguments == b.arguments
            && a.environmentAdditions.elementsEqual(b.environmentAdditions) { $0.key == $1.key && $0.value == $1.value }
    }
}
