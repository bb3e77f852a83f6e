import Foundation
import Wire

/// Renders an `ErrorRateReport` for people (jiwer's `visualize_alignment`, same text) and as JSON.
public enum AlignmentText {
    /// jiwer `visualize_alignment(output, show_measures, skip_correct)` with no line width:
    /// per sentence `REF:`/`HYP:` rows with `*` for missing tokens and `S`/`D`/`I` markers beneath,
    /// padded to the widest of each column (width in Unicode scalars, as Python's `len`).
    public static func render(_ report: ErrorRateReport, showMeasures: Bool = true, skipCorrect: Bool = true) -> String {
        var text = ""
        for sentence in 0..<report.sentenceCount {
            let chunks = report.chunks(sentence: sentence)
            if skipCorrect, chunks.isEmpty || (chunks.count == 1 && chunks[0].kind == .equal) { continue }
            text += "=== SENTENCE \(sentence + 1) ===\n\n"
            text += comparison(
                reference: report.referenceTokens(sentence: sentence), hypothesis: report.hypothesisTokens(sentence: sentence),
                chunks: chunks, separated: report.unit == .word)
            text += "\n"
        }
        guard showMeasures else { return String(text.dropLast()) }
        let counts = report.counts
        text += "=== SUMMARY ===\n"
        text += "number of sentences: \(report.sentenceCount)\n"
        text += "substitutions=\(counts.substitutions) deletions=\(counts.deletions) "
        text += "insertions=\(counts.insertions) hits=\(counts.hits)\n"
        switch report.unit {
        case .character:
            text += "\ncer=\(percent(counts.errorRate))\n"
        case .word:
            text += "\nmer=\(percent(counts.matchErrorRate))"
            text += "\nwil=\(percent(counts.wordInformationLost))"
            text += "\nwip=\(percent(counts.wordInformationPreserved))"
            text += "\nwer=\(percent(counts.errorRate))\n"
        }
        return text
    }

    /// Python's `f"{value*100:.2f}%"`.
    static func percent(_ value: Double) -> String { String(format: "%.2f%%", value * 100) }

    static func comparison(reference: [String], hypothesis: [String], chunks: [AlignmentChunk], separated: Bool) -> String {
        var referenceRow = "REF: "
        var hypothesisRow = "HYP: "
        var markerRow = "     "
        for chunk in chunks {
            let marker: String
            var referenceCells: [String]
            var hypothesisCells: [String]
            switch chunk.kind {
            case .equal, .substitute:
                referenceCells = Array(reference[chunk.referenceRange])
                hypothesisCells = Array(hypothesis[chunk.hypothesisRange])
                marker = chunk.kind == .equal ? " " : "S"
            case .delete:
                referenceCells = Array(reference[chunk.referenceRange])
                hypothesisCells = Array(repeating: "*", count: referenceCells.count)
                marker = "D"
            case .insert:
                hypothesisCells = Array(hypothesis[chunk.hypothesisRange])
                referenceCells = Array(repeating: "*", count: hypothesisCells.count)
                marker = "I"
            }
            for (referenceCell, hypothesisCell) in zip(referenceCells, hypothesisCells) {
                let width = max(referenceCell.unicodeScalars.count, hypothesisCell.unicodeScalars.count, 1)
                var left = referenceCell
                var right = hypothesisCell
                if left == "*" {
                    left = String(repeating: "*", count: width)
                } else if right == "*" {
                    right = String(repeating: "*", count: width)
                }
                referenceRow += padLeft(left, width)
                hypothesisRow += padLeft(right, width)
                markerRow += padLeft(marker, width)
                if separated {
                    referenceRow += " "
                    hypothesisRow += " "
                    markerRow += " "
                }
            }
        }
        if separated {
            return "\(referenceRow.dropLast())\n\(hypothesisRow.dropLast())\n\(markerRow.dropLast())\n"
        }
        return "\(referenceRow)\n\(hypothesisRow)\n\(markerRow)\n"
    }

    /// Right-aligns to `width` scalars (Python `f"{s:>{width}}"`).
    static func padLeft(_ text: String, _ width: Int) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }
}
