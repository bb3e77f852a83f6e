/// Parses a WebVTT cue settings string per the W3C steps: settings split on whitespace, each `name:value`;
/// unknown names and invalid values are ignored; a later setting of the same name wins.
package enum WebVTTSettingsParser {
    package static func parse(_ text: String) -> CueSettings {
        var settings = CueSettings()
        let words = text.split { $0 == " " || $0 == "\t" || $0 == "\u{0C}" }
        for word in words {
            guard let colon = word.firstIndex(of: ":"), colon != word.startIndex,
                  word.index(after: colon) != word.endIndex else { continue }
            let name = word[..<colon]
            let value = String(word[word.index(after: colon)...])
            switch name {
            case "vertical" where value == "rl" || value == "lr": settings.vertical = value
            case "line" where isLine(value): settings.line = value
            case "position" where isPosition(value): settings.position = value
            case "size" where isPercentage(Substring(value)): settings.size = value
            case "align" where ["start", "center", "end", "left", "right"].contains(value): settings.align = value
            case "region" where !value.contains("-->"): settings.region = value
            default: continue
            }
        }
        return settings
    }

    private static func isLine(_ value: String) -> Bool {
        let parts = value.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, !["start", "center", "end"].contains(parts[1]) { return false }
        let position = parts[0]
        if position.hasSuffix("%") { return isPercentage(position) }
        let unsigned = position.hasPrefix("-") ? position.dropFirst() : position
        return isDecimal(unsigned)
    }

    private static func isPosition(_ value: String) -> Bool {
        let parts = value.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        if parts.count == 2, !["line-left", "center", "line-right"].contains(parts[1]) { return false }
        return isPercentage(parts[0])
    }

    /// `digits[.digits]%` with a value in 0...100.
    package static func isPercentage(_ text: Substring) -> Bool {
        guard text.hasSuffix("%") else { return false }
        let number = text.dropLast()
        guard isDecimal(number), let value = Double(number) else { return false }
        return value <= 100
    }

    private static func isDecimal(_ text: Substring) -> Bool {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { ("0"..."9").contains($0) } }
    }
}
