import CommandLineSupport

/// `lingosub lint`: check subtitles against a profile's rules.
enum LintCommand: Subcommand {
    static let name = "lint"
    static let summary = "check subtitles against a profile's rules"

    static func run(_ arguments: [String], output: any CommandOutput) -> Int32 {
        output.err("lingosub lint: not implemented yet\n")
        return 4
    }
}
