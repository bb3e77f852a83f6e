/// One engine to run: its name and argument vector (no shell), with optional extra environment
/// variables and working directory (from the config file).
package struct EngineEntry: Sendable, Equatable {
    package var name: String
    package var command: [String]
    package var environment: [(String, String)] = []
    package var workingDirectory: String?

    package init(name: String, command: [String], environment: [(String, String)] = [], workingDirectory: String? = nil) {
        precondition(!command.isEmpty, "engine \(name) has an empty command")
        self.name = name
        self.command = command
        self.environment = environment
        self.workingDirectory = workingDirectory
    }

    package static func == (a: Self, b: Self) -> Bool {
        a.name == b.name && a.command == b.command && a.workingDirectory == b.workingDirectory
            && a.environment.map(\.0) == b.environment.map(\.0) && a.environment.map(\.1) == b.environment.map(\.1)
    }

    /// Parses `NAME=COMMAND` (see `CommandWords.split` for COMMAND).
    package static func parse(_ text: String) throws(ConfigurationError) -> EngineEntry {
        guard let equals = text.firstIndex(of: "="), equals != text.startIndex else {
            throw ConfigurationError(.invalidValue, key: "--engine", source: .flag, "expected NAME=COMMAND, got '\(text)'")
        }
        let name = String(text[..<equals])
        try checkName(name, key: "--engine", source: .flag)
        let words = try CommandWords.split(String(text[text.index(after: equals)...]), key: "--engine", source: .flag)
        return EngineEntry(name: name, command: words)
    }

    /// Engine names become log file names (`<name>.log`) and appear in every message: letters,
    /// digits, '-', '_' and '.', not empty (the same rule for `--engine` and `lingosub.json`).
    static func checkName(_ name: String, key: String, source: ConfigurationSource) throws(ConfigurationError) {
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." }) else {
            throw ConfigurationError(.invalidValue, key: key, source: source, "engine name '\(name)' may use letters, digits, '-', '_' and '.' only")
        }
    }
}
