/// Converts cue payload lines between a format's markup and plain displayed text.
public enum CueText {
    /// WebVTT cue text to plain text: tags (`<i>`, `<v Roger>`, `<00:01.000>`) removed, character
    /// references decoded (`&amp;` `&lt;` `&gt;` `&lrm;` `&rlm;` `&nbsp;` `&quot;` `&apos;` and numeric
    /// `&#38;` `&#x26;`). An unknown or unterminated reference stays as written.
    public static func plainFromWebVTT(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        var plain = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<" {
                while index < scalars.count, scalars[index] != ">" { index += 1 }
                index += 1
            } else if scalar == "&", let (decoded, length) = reference(scalars, at: index) {
                plain.append(decoded)
                index += length
            } else {
                plain.append(scalar)
                index += 1
            }
        }
        return String(plain)
    }

    /// Plain text to WebVTT cue text: `&`, `<` and `>` escaped, which also keeps `-->` out of the text.
    public static func escapeWebVTT(_ plain: String) -> String {
        var text = ""
        for character in plain {
            switch character {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            default: text.append(character)
            }
        }
        return text
    }

    /// SRT text to plain text: the common tags `<i> <b> <u> <font …>` and their closers removed.
    public static func plainFromSRT(_ line: String) -> String {
        guard line.contains("<") else { return line }
        var plain = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "<") {
            plain += rest[..<open]
            guard let close = rest[open...].firstIndex(of: ">"), isSRTTag(rest[rest.index(after: open)..<close]) else {
                plain.append("<")
                rest = rest[rest.index(after: open)...]
                continue
            }
            rest = rest[rest.index(after: close)...]
        }
        return plain + rest
    }

    private static func isSRTTag(_ inside: Substring) -> Bool {
        let name = inside.drop { $0 == "/" }.prefix { $0 != " " }.lowercased()
        return ["i", "b", "u", "font"].contains(name)
    }

    private static let named: [(String, Unicode.Scalar)] = [
        ("amp;", "&"), ("lt;", "<"), ("gt;", ">"), ("lrm;", "\u{200E}"), ("rlm;", "\u{200F}"),
        ("nbsp;", "\u{00A0}"), ("quot;", "\""), ("apos;", "'"),
    ]

    private static func reference(_ scalars: [Unicode.Scalar], at index: Int) -> (Unicode.Scalar, Int)? {
        let tail = scalars[(index + 1)...].prefix(10)
        var text = ""
        text.unicodeScalars.append(contentsOf: tail)
        for (name, value) in named where text.hasPrefix(name) { return (value, name.unicodeScalars.count + 1) }
        guard text.hasPrefix("#"), let semicolon = text.firstIndex(of: ";") else { return nil }
        let body = text[text.index(after: text.startIndex)..<semicolon]
        let isHex = body.hasPrefix("x") || body.hasPrefix("X")
        let digits = isHex ? body.dropFirst() : body
        guard !digits.isEmpty, let code = UInt32(digits, radix: isHex ? 16 : 10), let value = Unicode.Scalar(code) else {
            return nil
        }
        return (value, body.unicodeScalars.count + 3)
    }
}
