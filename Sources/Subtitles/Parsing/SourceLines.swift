/// Input text cut into lines (LF, CRLF or CR), after removing a byte order mark, with what the file's
/// layout was so a writer can reproduce it.
package struct SourceLines: Sendable {
    package var lines: [String]
    package var layout: FileLayout

    package init(_ text: String, nulReplaced: Bool = false) {
        var scalars = Substring(text).unicodeScalars[...]
        var layout = FileLayout()
        if scalars.first == "\u{FEFF}" {
            layout.byteOrderMark = true
            scalars = scalars.dropFirst()
        }
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var sawTerminator = false
        var iterator = scalars.makeIterator()
        var pending = iterator.next()
        while let scalar = pending {
            pending = iterator.next()
            switch scalar {
            case "\r":
                if pending == "\n" {
                    pending = iterator.next()
                    if !sawTerminator { layout.lineEnding = .crlf }
                }
                sawTerminator = true
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case "\n":
                sawTerminator = true
                lines.append(String(current))
                current = String.UnicodeScalarView()
            case "\0" where nulReplaced:
                current.append("\u{FFFD}")
            default:
                current.append(scalar)
            }
        }
        let endsWithTerminator = current.isEmpty
        if !endsWithTerminator { lines.append(String(current)) }
        // A file ending "…text\n\n" has a last empty line before its final terminator.
        layout.finalBlankLine = endsWithTerminator && lines.last == ""
        layout.finalLineEnd = endsWithTerminator || lines.isEmpty
        self.lines = lines
        self.layout = layout
    }
}

/// Reads one line scalar by scalar, tracking the 1-based column for errors.
package struct LineCursor {
    package let scalars: [Unicode.Scalar]
    package let lineNumber: Int
    package private(set) var index = 0

    package init(_ line: String, lineNumber: Int, startIndex: Int = 0) {
        self.scalars = Array(line.unicodeScalars)
        self.lineNumber = lineNumber
        self.index = startIndex
    }

    package var isAtEnd: Bool { index >= scalars.count }
    package var current: Unicode.Scalar? { isAtEnd ? nil : scalars[index] }
    package var column: Int { index + 1 }
    package mutating func advance() { index += 1 }

    package mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\u{0C}" { advance() }
    }

    /// Collects ASCII digits; returns them as text.
    package mutating func digits() -> String {
        var text = ""
        while let scalar = current, ("0"..."9").contains(scalar) { text.unicodeScalars.append(scalar); advance() }
        return text
    }

    /// Consumes `scalar` or returns false.
    package mutating func take(_ scalar: Unicode.Scalar) -> Bool {
        guard current == scalar else { return false }
        advance()
        return true
    }

    package var rest: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[min(index, scalars.count)...])
        return String(view)
    }

    package func error(_ code: SubtitleError.Code, _ detail: String) -> SubtitleError {
        SubtitleError(code, line: lineNumber, column: column, detail: detail)
    }
}
