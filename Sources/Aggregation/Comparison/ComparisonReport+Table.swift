import Foundation

extension ComparisonReport {
    /// The report as aligned plain-text tables, for a terminal.
    public var table: String {
        var text = ""
        text += matrix(title: "pairwise WER (row = reference, column = hypothesis)", pairwiseWER.map { $0.map { $0.map(Self.percent) } })
        text += "\n" + matrix(title: "agreement (1 - MER)", agreement.map { $0.map { $0.map(Self.percent) } })
        text += "\n" + matrix(title: "BLEU (row = reference)", bleu.map { $0.map { String(format: "%.2f", $0) } })
        text += "\n" + matrix(
            title: "timing drift, seconds (column start - row start, matched words)",
            timingDrift.map { $0.map { $0.map { String(format: "%+.3f", $0.meanSeconds) } } })
        text += "\n" + confidenceTable()
        if let referenceWER {
            text += "\nWER against the reference\n"
            let width = nameWidth
            for (index, value) in referenceWER.enumerated() {
                text += engines[index].padding(toWidth: width) + "  " + (value.map(Self.percent) ?? "-") + "\n"
            }
        }
        if let recommendation {
            let reason = recommendation.basis == .lowestReferenceWER
                ? "lowest WER against the reference" : "closest to the other engines, mean MER"
            text += "\nrecommendation: \(engines[recommendation.engine]) (\(reason): \(Self.percent(recommendation.value)))\n"
        }
        return text
    }

    var nameWidth: Int { engines.map(\.count).max() ?? 0 }

    static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f%%", value * 100) : "-"
    }

    func matrix(title: String, _ cells: [[String?]]) -> String {
        let labelWidth = nameWidth
        var width = engines.map(\.count).max() ?? 1
        for row in cells { for cell in row { width = max(width, cell?.count ?? 1) } }
        var text = title + "\n" + String(repeating: " ", count: labelWidth)
        for name in engines { text += "  " + name.padding(leftToWidth: width) }
        text += "\n"
        for (index, row) in cells.enumerated() {
            text += engines[index].padding(toWidth: labelWidth)
            for cell in row { text += "  " + (cell ?? "-").padding(leftToWidth: width) }
            text += "\n"
        }
        return text
    }

    func confidenceTable() -> String {
        let width = max(nameWidth, 6)
        var text = "confidence\n" + "engine".padding(toWidth: width) + "  words  scored    mean     min     max  median   <0.5\n"
        for (index, statistics) in confidence.enumerated() {
            func cell(_ value: Double?) -> String { (value.map { String(format: "%.3f", $0) } ?? "-").padding(leftToWidth: 6) }
            text += engines[index].padding(toWidth: width)
            text += "  " + String(statistics.wordCount).padding(leftToWidth: 5)
            text += "  " + String(statistics.scoredCount).padding(leftToWidth: 6)
            text += "  " + cell(statistics.mean) + "  " + cell(statistics.minimum) + "  " + cell(statistics.maximum)
            text += "  " + cell(statistics.median) + "  " + cell(statistics.lowShare) + "\n"
        }
        return text
    }
}
