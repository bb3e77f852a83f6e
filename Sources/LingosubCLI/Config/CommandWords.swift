/// Splits an engine COMMAND into argv without a shell: words are separated by spaces; text between
/// single quotes ('…') is taken literally, spaces included (no other quoting or escapes, no `$`, globs
/// or redirections).
package enum CommandWords {
    package static func split(_ text: String, key: String, source: ConfigurationSource) throws(ConfigurationError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quoted = false
        for character in text {
            if character == "'" {
                quoted.toggle()
                inWord = true
            } else if character == " " && !quoted {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        guard !quoted else {
            throw ConfigurationError(.invalidValue, key: key, source: source, "unterminated ' in command '\(text)'")
        }
        if inWord { words.append(current) }
        guard !words.isEmpty else {
            throw ConfigurationError(.invalidValue, key: key, source: source, "empty command")
        }
        try check(words, key: key, source: source)
        return words
    }

    /// An argv must name a program, and no word may hold NUL (the C strings of `execve` end there).
    static func check(_ words: [String], key: String, source: ConfigurationSource) throws(ConfigurationError) {
        guard let program = words.first, !program.isEmpty else {
            throw ConfigurationError(.invalidValue, key: key, source: source, "the program name (first word) is empty")
        }
        guard !words.contains(where: { $0.contains("\0") }) else {
            throw ConfigurationError(.invalidValue, key: key, source: source, "a word contains NUL")
        }
    }
}
