import Wire

extension EngineEntry {
    /// `"engines": {"NAME": "COMMAND" | ["argv", …] | {"command": …, "environment": {…}, "workingDirectory": "…"}}`,
    /// in file order.
    static func entries(_ object: JSONObject, source: ConfigurationSource) throws(ConfigurationError) -> [EngineEntry] {
        var entries: [EngineEntry] = []
        for member in object.members {
            let key = "engines." + member.key
            try checkName(member.key, key: key, source: source)
            if entries.contains(where: { $0.name == member.key }) {
                throw ConfigurationError(.invalidValue, key: key, source: source, "engine given twice")
            }
            switch member.value {
            case .string, .array:
                entries.append(EngineEntry(name: member.key, command: try command(member.value, key: key, source: source)))
            case .object(let details):
                entries.append(try entry(member.key, details, key: key, source: source))
            default:
                throw ConfigurationError(.invalidValue, key: key, source: source, "expected a command string, an argv array or an object")
            }
        }
        return entries
    }

    private static func entry(_ name: String, _ details: JSONObject, key: String, source: ConfigurationSource) throws(ConfigurationError) -> EngineEntry {
        for member in details.members where !["command", "environment", "workingDirectory"].contains(member.key) {
            throw ConfigurationError(.unknownKey, key: key + "." + member.key, source: source, "unknown key (known: command, environment, workingDirectory)")
        }
        guard let commandValue = details["command"] else {
            throw ConfigurationError(.invalidValue, key: key + ".command", source: source, "missing")
        }
        var entry = EngineEntry(name: name, command: try command(commandValue, key: key + ".command", source: source))
        if let environment = details["environment"] {
            guard let variables = environment.objectValue else {
                throw ConfigurationError(.invalidValue, key: key + ".environment", source: source, "expected an object of strings")
            }
            for variable in variables.members {
                let variableKey = key + ".environment." + variable.key
                guard !variable.key.isEmpty, !variable.key.contains("="), !variable.key.contains("\0") else {
                    throw ConfigurationError(.invalidValue, key: variableKey, source: source, "a variable name must be non-empty, without '=' or NUL")
                }
                guard let value = variable.value.stringValue, !value.contains("\0") else {
                    throw ConfigurationError(.invalidValue, key: variableKey, source: source, "expected a string without NUL")
                }
                entry.environment.append((variable.key, value))
            }
        }
        if let directory = details["workingDirectory"] {
            guard let path = directory.stringValue, !path.isEmpty else {
                throw ConfigurationError(.invalidValue, key: key + ".workingDirectory", source: source, "expected a path")
            }
            entry.workingDirectory = path
        }
        return entry
    }

    private static func command(_ value: JSONValue, key: String, source: ConfigurationSource) throws(ConfigurationError) -> [String] {
        if let text = value.stringValue { return try CommandWords.split(text, key: key, source: source) }
        guard let array = value.arrayValue, !array.isEmpty else {
            throw ConfigurationError(.invalidValue, key: key, source: source, "expected a command string or a non-empty argv array")
        }
        var words: [String] = []
        for word in array {
            guard let text = word.stringValue else {
                throw ConfigurationError(.invalidValue, key: key, source: source, "argv entries must be strings")
            }
            words.append(text)
        }
        try CommandWords.check(words, key: key, source: source)
        return words
    }
}
