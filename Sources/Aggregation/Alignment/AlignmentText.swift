import Foundation
import Wire

/// Renders an `ErrorRateReport` for people (jiwer's `visualize_alignment`, same text) and as JSON.
public enum AlignmentText {
    /// jiwer `visualize_alignment(output, show_measures, skip_correct, line_width)`: per sentence
    /// `REF:`/`HYP:` rows with `*` for missing tokens and `S`/`D`/`I` markers beneath, padded to the
    /// widest of each column (width in Unicode scalars, as Python's `len`), wrapped before a column
    /// that would take the `REF:` row past `lineWidth`.
    public static func render(
        _ report: ErrorRateReport, showMeasures: Bool = true, skipCorrect: Bool = true, lineWidth: Int? = nil
    ) -> String {
        var text = ""
        for sentence in 0..<report.sentenceCount {
            let chunks = report.chunks(sentence: sentence)
            if skipCorrect, chunks.isEmpty || (chunks.count == 1 && chunks[0].kind == .equal) { continue }
            text += "=== SENTENCE \(sentence + 1) ===\n\n"
            text += comparison(
                reference: report.referenceTokens(sentence: sentence), hypothesis: report.hypothesisTokens(sentence: sentence),
                chunks: chunks, separated: report.unit == .word, lineWidth: lineWidth)
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

    static func comparison(
        reference: [String], hypothesis: [String], chunks: [AlignmentChunk], separated: Bool, lineWidth: Int?
    ) -> String {
        var rows = Rows()
        var wrapped = ""
        for chunk in chunks {
            let (referenceCells, hypothesisCells, marker) = cells(chunk, reference: reference, hypothesis: hypothesis)
            for (referenceCell, hypothesisCell) in zip(referenceCells, hypothesisCells) {
                let width = max(referenceCell.unicodeScalars.count, hypothesisCell.unicodeScalars.count, 1)
                if let lineWidth, rows.referenceWidth + width > lineWidth {
                    wrapped += rows.text(separated: separated) + "\n"
                    rows = Rows()
                }
                var left = referenceCell
                var right = hypothesisCell
                if left == "*" {
                    left = String(repeating: "*", count: width)
                } else if right == "*" {
                    right = String(repeating: "*", count: width)
                }
                rows.append(left, right, marker, width: width, separated: separated)
            }
        }
        return wrapped + rows.text(separated: separated)
    }

    /// The REF/HYP/marker rows being built (widths in scalars, as Python's `len`).
    struct Rows {
        var reference = "REF: "
        var hypothesis = "HYP: "
        var markers = "     "
        var referenceWidth = 5

        mutating func append(_ left: String, _ right: String, _ marker: String, width: Int, separated: Bool) {
            reference += padLeft(left, width)
            hypothesis += padLeft(right, width)
            markers += padLeft(marker, width)
            referenceWidth += width
            if separated {
                reference += " "
                hypothesis += " "
                markers += " "
                referenceWidth += 1
            }
        }

        /// jiwer drops the last separator of each row.
        func text(separated: Bool) -> String {
            separated
                ? "\(reference.dropLast())\n\(hypothesis.dropLast())\n\(markers.dropLast())\n"
                : "\(reference)\n\(hypothesis)\n\(markers)\n"
        }
    }

    static func cells(
        _ chunk: AlignmentChunk, reference: [String], hypothesis: [String]
    ) -> (reference: [String], hypothesis: [String], marker: String) {
        switch chunk.kind {
        case .equal, .substitute:
            return (Array(reference[chunk.referenceRange]), Array(hypothesis[chunk.hypothesisRange]), chunk.kind == .equal ? " " : "S")
        case .delete:
            let cells = Array(reference[chunk.referenceRange])
            return (cells, Array(repeating: "*", count: cells.count), "D")
        case .insert:
            let cells = Array(hypothesis[chunk.hypothesisRange])
            return (Array(repeating: "*", count: cells.count), cells, "I")
        }
    }

    /// Right-aligns to `width` scalars (Python `f"{s:>{width}}"`).
    static func padLeft(_ text: String, _ width: Int) -> String {
        let count = text.unicodeScalars.count
        return count >= width ? text : String(repeating: " ", count: width - count) + text
    }
}
