import CommandLineSupport

/// `lssim`'s subcommands; the executable only calls `main`.
package enum Lssim {
    package static var commands: [any Subcommand.Type] {
        [RunCommand.self, ReplayCommand.self, ExploreCommand.self, TimelineCommand.self]
    }

    package static func main(_ arguments: [String], output: any CommandOutput) -> Int32 {
        dispatch(tool: "lssim", arguments: arguments, subcommands: commands, output: output)
    }
}
