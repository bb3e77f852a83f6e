/// Joins written blocks with blank lines and applies the file layout (BOM, final blank line).
package enum FileLayoutWriter {
    package static func join(_ blocks: [String], header: String?, layout: FileLayout) -> String {
        let newline = layout.lineEnding.rawValue
        var all = blocks
        if let header { all.insert(header, at: 0) }
        var text = layout.byteOrderMark ? "\u{FEFF}" : ""
        guard !all.isEmpty else { return text }
        text += all.joined(separator: newline + newline)
        if layout.finalLineEnd { text += newline }
        if layout.finalLineEnd && layout.finalBlankLine { text += newline }
        return text
    }
}
