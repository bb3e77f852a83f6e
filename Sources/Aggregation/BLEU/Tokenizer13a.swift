/// sacreBLEU's default `13a` tokenizer (mteval-v13a), on Unicode scalars so that it matches
/// Python's string operations exactly (Swift's `Character` comparison would merge combining marks).
enum Tokenizer13a {
    static func tokens(_ text: String) -> [[Unicode.Scalar]] {
        var line = Array(text.unicodeScalars)
        // BLEU._preprocess_segment: sent.rstrip() before tokenizing.
        while let last = line.last, PythonWhitespace.contains(last) { line.removeLast() }
        line = replace(line, "<skipped>", "")
        line = replace(line, "-\n", "")
        line = replace(line, "\n", " ")
        if line.contains("&") {
            line = replace(line, "&quot;", "\"")
            line = replace(line, "&amp;", "&")
            line = replace(line, "&lt;", "<")
            line = replace(line, "&gt;", ">")
        }
        line = [" "] + line + [" "]
        line = spaceSymbols(line)
        line = pairRule(line) { first, second in !isDigit(first) && isPeriodOrComma(second) }
            replacement: { first, second in [first, " ", second, " "] }
        line = pairRule(line) { first, second in isPeriodOrComma(first) && !isDigit(second) }
            replacement: { first, second in [" ", first, " ", second] }
        line = pairRule(line) { first, second in isDigit(first) && second == "-" }
            replacement: { first, second in [first, " ", second, " "] }
        return split(line)
    }

    /// `([\{-\~\[-\` -\&\(-\+\:-\@\/])` → ` \1 `.
    static func spaceSymbols(_ line: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(line.count * 2)
        for scalar in line {
            switch scalar.value {
            case 0x7B...0x7E, 0x5B...0x60, 0x20...0x26, 0x28...0x2B, 0x3A...0x40, 0x2F:
                result.append(" ")
                result.append(scalar)
                result.append(" ")
            default:
                result.append(scalar)
            }
        }
        return result
    }

    /// Python `re.sub` of a two-character pattern: scan left to right, replace non-overlapping matches.
    static func pairRule(
        _ line: [Unicode.Scalar], matches: (Unicode.Scalar, Unicode.Scalar) -> Bool,
        replacement: (Unicode.Scalar, Unicode.Scalar) -> [Unicode.Scalar]
    ) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(line.count + line.count / 2)
        var index = 0
        while index < line.count {
            if index + 1 < line.count, matches(line[index], line[index + 1]) {
                result.append(contentsOf: replacement(line[index], line[index + 1]))
                index += 2
            } else {
                result.append(line[index])
                index += 1
            }
        }
        return result
    }

    static func replace(_ line: [Unicode.Scalar], _ target: String, _ replacement: String) -> [Unicode.Scalar] {
        let needle = Array(target.unicodeScalars)
        let substitute = Array(replacement.unicodeScalars)
        guard !needle.isEmpty, line.count >= needle.count else { return line }
        var result: [Unicode.Scalar] = []
        var index = 0
        while index < line.count {
            if index + needle.count <= line.count, line[index..<(index + needle.count)].elementsEqual(needle) {
                result.append(contentsOf: substitute)
                index += needle.count
            } else {
                result.append(line[index])
                index += 1
            }
        }
        return result
    }

    /// Python `str.split()`.
    static func split(_ line: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        var tokens: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        for scalar in line {
            if PythonWhitespace.contains(scalar) {
                if !current.isEmpty { tokens.append(current); current = [] }
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    static func isPeriodOrComma(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "," }
}
